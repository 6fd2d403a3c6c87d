namespace OrleansMesh.Grains.Inference;

/// <summary>
/// How the control plane scrapes InferencePool members. Section <c>OrleansMesh:InferencePool</c> of the silo
/// (env <c>OrleansMesh__InferencePool__ScrapeInterval</c>, ...); unset values keep their defaults.
/// </summary>
internal sealed class InferencePoolOptions
{
    /// <summary>Time between two scrapes of every member, 50 ms to 10 s. Default 100 ms.</summary>
    public TimeSpan ScrapeInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A scrape that takes longer fails (the endpoint's last good metrics are kept, marked failed, and gateways skip
    /// it). Every member is scraped at once and the push waits for the slowest, so this bounds how late a push can be.
    /// Default 200 ms.
    /// </summary>
    public TimeSpan ScrapeTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Least time between two pushes of the requests in flight through all gateways: a change is pushed at once unless
    /// the previous push was more recent, then when this has passed. It bounds the fan-out to (gateways / interval)
    /// pushes per second per pool; raise it for large fleets. Default 2 ms: a model request lives tens of
    /// milliseconds or more, and every millisecond the others' sends are unseen is a chance to herd.
    /// </summary>
    public TimeSpan InFlightPushInterval { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The metrics path on every model server. Default <c>/metrics</c>.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>A gateway that has not reported for this long is forgotten, and its members with it. Default 10 s.</summary>
    public TimeSpan GatewayExpiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Prefix hints kept between two pushes; more are dropped (they are hints). Default 4096.</summary>
    public int MaxPrefixHints { get; set; } = 4096;

    /// <summary>Largest metrics body read, in bytes. Default 4 MiB.</summary>
    public int MaxMetricsBytes { get; set; } = 4 * 1024 * 1024;
}
