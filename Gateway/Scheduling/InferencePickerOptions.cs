using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// The endpoint picker of InferencePools, as GIE's default scheduling profile: saturated endpoints filtered out
/// unless all are, then a weighted sum of scorers. Section <c>OrleansMesh:Gateway:InferencePicker</c>
/// (env <c>OrleansMesh__Gateway__InferencePicker__QueueWeight</c>, ...).
/// </summary>
internal sealed class InferencePickerOptions
{
    public const string SectionName = "OrleansMesh:Gateway:InferencePicker";

    /// <summary>Weight of the queue scorer (<see cref="QueueThreshold"/> / (<see cref="QueueThreshold"/> + queue), queue = waiting plus dispatched requests). Default 2.</summary>
    [Range(0, 100)]
    public double QueueWeight { get; set; } = 2;

    /// <summary>Weight of the KV-cache scorer (less KV cache in use is better). Default 2.</summary>
    [Range(0, 100)]
    public double KvCacheWeight { get; set; } = 2;

    /// <summary>Weight of the prefix-cache scorer (a longer prompt prefix sent there recently is better). Default 3.</summary>
    [Range(0, 100)]
    public double PrefixWeight { get; set; } = 3;

    /// <summary>
    /// Weight of the LoRA-affinity scorer (adapter running 1, waiting 0.8, a free slot 0.5, else 0). Default 2: with
    /// the other defaults an adapter already running outweighs a queue up to four requests longer than a free slot's.
    /// </summary>
    [Range(0, 100)]
    public double LoraWeight { get; set; } = 2;

    /// <summary>
    /// Weight of the active-request scorer (<see cref="QueueThreshold"/> / (<see cref="QueueThreshold"/> + requests in
    /// flight there through every gateway)). Default 1: one request more in flight weighs half as much as one more
    /// waiting.
    /// </summary>
    [Range(0, 100)]
    public double ActiveRequestWeight { get; set; } = 1;

    /// <summary>
    /// Scores this close to the best are as good as the best, and the pick among them is random. Default 0.05: below
    /// what one request more in flight costs (about 0.17 with the default weights and threshold), above the KV-cache
    /// scorer's difference of a short request (2 × its share of the cache), so endpoints alike but for noise share the
    /// load and gateways deciding in the same instant do not all pick the same one.
    /// </summary>
    [Range(0.0, 10.0)]
    public double ScoreTolerance { get; set; } = 0.05;

    /// <summary>An endpoint with this many waiting (plus dispatched) requests or more is saturated. Default 5, as GIE's saturation detector.</summary>
    [Range(1, 100_000)]
    public int QueueThreshold { get; set; } = 5;

    /// <summary>An endpoint with at least this share of its KV cache in use is saturated. Default 0.8, as GIE's.</summary>
    [Range(0.0, 1.0)]
    public double KvCacheThreshold { get; set; } = 0.8;

    /// <summary>
    /// Metrics older than this are stale: the endpoint is skipped while others are fresh, and with none fresh the
    /// picker falls back to least-request. Default 1 s (ten scrape intervals, longer than a scrape's timeout).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Count the requests in flight to each member through every gateway (summed by the pool's grain and pushed as they
    /// change) in its queue and active-request scores. False: each gateway counts only its own requests, and adds its
    /// own sends since the last scrape to the scraped queue, as independent pickers would; for measuring herding.
    /// Default true.
    /// </summary>
    public bool ClusterWideDispatch { get; set; } = true;

    /// <summary>
    /// How often the gateway looks whether its requests in flight to a pool's members changed, and if so sends them
    /// (one-way) to the pool's grain, which passes the sums on to every gateway. Default 2 ms: well under a model
    /// request's life, so other gateways' sends count before they are repeated (with 10 ms, three gateways at 120
    /// req/s sent twice as many requests to a full server; Benchmarks/results/inference-herding-*.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan InFlightReportInterval { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>How often the gateway sends its dispatches and prefix hints to each pool's grain. Default 100 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Bytes of prompt text per prefix block. Default 64, as GIE's prefix-cache scorer.</summary>
    [Range(8, 4096)]
    public int PrefixBlockBytes { get; set; } = 64;

    /// <summary>Prompt blocks hashed per request at most (longer prompts are matched on their start). Default 128.</summary>
    [Range(1, 4096)]
    public int MaxPrefixBlocks { get; set; } = 128;

    /// <summary>Slots of each pool's prefix index (rounded up to a power of two); a newer block takes an older one's slot. Default 65536.</summary>
    [Range(1024, 1 << 24)]
    public int PrefixIndexSize { get; set; } = 65536;

    /// <summary>
    /// Requests each gateway holds per pool while the whole pool is saturated (flow control); past it the lowest
    /// priority is shed with 429. Default 256.
    /// </summary>
    [Range(0, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How long a request may wait for the saturated pool before a 503. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Request header that asks for the pick and its reasons in the <c>x-orleansmesh-picker</c> response header.</summary>
    public const string DebugHeader = "x-orleansmesh-picker-debug";

    /// <summary>Response header carrying the pick and why, when <see cref="DebugHeader"/> asked for it.</summary>
    public const string ResultHeader = "x-orleansmesh-picker";

    /// <summary>Request header naming the request's InferenceObjective, as GIE reads it.</summary>
    public const string ObjectiveHeader = "x-gateway-inference-objective";
}
