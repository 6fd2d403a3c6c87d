using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>How the gateway leases cluster-wide rate-limit tokens (section <c>OrleansMesh:Gateway:RateLimiting</c>).</summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "OrleansMesh:Gateway:RateLimiting";

    /// <summary>
    /// Share of a bucket's capacity leased at once. Default: 0.05 (5 %, at least one token). Larger leases mean fewer
    /// grain calls; smaller ones keep the tokens idle in other gateways (the limit's lower tolerance) small.
    /// </summary>
    [Range(0.001, 1.0)]
    public double LeaseFraction { get; set; } = 0.05;

    /// <summary>How long leased tokens may stay unused before they go back to the bucket. Default: 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Requests a gateway lets through on credit for a client it holds no tokens for yet (charged to the bucket when
    /// the lease arrives), so a new client's first requests never wait for a grain. Default (null): one lease. The
    /// cluster-wide limit may be exceeded by at most (gateways × credit) while debts settle.
    /// </summary>
    [Range(0, 10_000)]
    public int? Credit { get; set; }

    /// <summary>
    /// How long a request may wait for a lease already in flight when this gateway's share and credit of a cluster-wide
    /// bucket are spent, before it is refused with 429. Default: 200 ms; zero refuses at once. A lease is one grain
    /// call, so a burst from a new client, or right after the gateway starts, is served from the cluster-wide bucket
    /// instead of being refused for want of a share the gateway has not been given yet. Requests that find tokens
    /// never wait; nor does anyone once the grain has said the bucket is empty or cannot be reached.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan LeaseWait { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Per-client buckets kept per limit before idle ones are dropped. Default: 10,000.</summary>
    [Range(16, 10_000_000)]
    public int MaxKeys { get; set; } = 10_000;

    /// <summary>How long a lease call may take before the gateway limits locally instead (degraded mode). Default: 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
