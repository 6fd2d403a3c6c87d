using System.Globalization;

namespace OrleansMesh.Samples.ModelServer.Generation;

/// <summary>Response ids from a counter: unique per server, reproducible across runs, and no random source on the hot path.</summary>
internal sealed class CompletionIds
{
    private long last;

    public string Next(string prefix) =>
        string.Concat(prefix, Interlocked.Increment(ref last).ToString("x12", CultureInfo.InvariantCulture));
}
