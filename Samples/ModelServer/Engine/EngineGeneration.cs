namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>Waits out a whole non-streamed answer: the first token's delay, then one decode step per further token.</summary>
internal static class EngineGeneration
{
    public static async Task GenerateAsync(EngineLease lease, int tokens, TimeProvider time, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await DelayAsync(lease.FirstTokenDelay, time, cancellation);
        for (var i = 1; i < tokens; i++)
        {
            await DelayAsync(lease.NextTokenDelay(), time, cancellation);
        }
    }

    public static Task DelayAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellation) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellation) : Task.CompletedTask;
}
