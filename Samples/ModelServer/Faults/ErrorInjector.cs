using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Samples.ModelServer.Faults;

/// <summary>
/// Draws which requests fail under <see cref="ModelServerOptions.ErrorRate"/>. With a seed the sequence of draws
/// repeats run to run; 0 and 1 never draw at all, so they hold exactly.
/// </summary>
internal sealed class ErrorInjector
{
    private readonly double rate;
    private readonly Random random;
    private readonly Lock gate = new();

    public ErrorInjector(ModelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        rate = options.ErrorRate;
        random = options.Seed is { } seed ? new Random(seed) : Random.Shared;
    }

    public double Rate => rate;

    public bool ShouldFail()
    {
        if (rate <= 0)
        {
            return false;
        }

        if (rate >= 1)
        {
            return true;
        }

        // A seeded Random is not thread-safe; the lock is uncontended unless errors are being injected.
        lock (gate)
        {
            return random.NextDouble() < rate;
        }
    }
}
