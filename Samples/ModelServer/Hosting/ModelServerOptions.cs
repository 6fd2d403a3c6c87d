using OrleansMesh.Samples.ModelServer.Security;

namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>
/// Settings of one fake model server. Bound from the <c>ModelServer</c> configuration section
/// (env <c>ModelServer__ErrorRate</c>, appsettings, or the flags in <see cref="ModelServerCommandLine"/>)
/// and checked by <see cref="ModelServerOptionsValidator"/> before the server is built.
/// Setters rather than init: the configuration binding generator skips init-only properties.
/// <see cref="ModelServerApp.Create(ModelServerOptions, string[])"/> keeps its own copy, so later changes have no effect.
/// </summary>
internal sealed record ModelServerOptions
{
    /// <summary>Model name reported in bodies and the <c>x-model-name</c> header. Flag <c>--name</c>; default "demo-model".</summary>
    public string Name { get; set; } = ModelServerDefaults.Name;

    /// <summary>Model version reported in bodies and the <c>x-model-version</c> header. Flag <c>--version</c>; default "v1".</summary>
    public string Version { get; set; } = ModelServerDefaults.Version;

    /// <summary>Milliseconds waited before answering any request but <c>/healthz</c>. Flag <c>--latency-ms</c>; default 0.</summary>
    public int LatencyMs { get; set; } = ModelServerDefaults.LatencyMs;

    /// <summary>Milliseconds between two streamed tokens. Flag <c>--token-delay-ms</c>; default 20.</summary>
    public int TokenDelayMs { get; set; } = ModelServerDefaults.TokenDelayMs;

    /// <summary>Share (0..1) of requests answered 500 with an OpenAI error body; <c>/healthz</c> is exempt. Flag <c>--error-rate</c>; default 0.</summary>
    public double ErrorRate { get; set; } = ModelServerDefaults.ErrorRate;

    /// <summary>Seed of the error-rate draw, for repeatable runs; null draws from a shared random. Flag <c>--seed</c>; default null.</summary>
    public int? Seed { get; set; }

    /// <summary>Tokens generated when a request sets no <c>max_tokens</c>. Flag <c>--default-max-tokens</c>; default 16.</summary>
    public int DefaultMaxTokens { get; set; } = ModelServerDefaults.DefaultMaxTokens;

    /// <summary>Largest <c>max_tokens</c> accepted; larger requests get a 400. Flag <c>--max-tokens-limit</c>; default 4096.</summary>
    public int MaxTokensLimit { get; set; } = ModelServerDefaults.MaxTokensLimit;

    /// <summary>Length of embedding vectors when a request sets no <c>dimensions</c>. Flag <c>--embedding-dimensions</c>; default 8.</summary>
    public int EmbeddingDimensions { get; set; } = ModelServerDefaults.EmbeddingDimensions;

    /// <summary>
    /// File the <c>x-request-id</c> of every POST received is appended to, one per line (for tests that count what each
    /// server got, by id). Flag <c>--request-log</c>; default none.
    /// </summary>
    public string? RequestLog { get; set; }

    /// <summary>
    /// Mesh mutual TLS on every listener (Istio PeerAuthentication): Off, Permissive, Strict, or Mesh (as the mesh's
    /// PeerAuthentication says for <see cref="Namespace"/> and the labels <c>app</c> = <see cref="Name"/>, <c>version</c> =
    /// <see cref="Version"/>, re-read every <see cref="PeerAuthenticationPollInterval"/>). Env
    /// <c>ModelServer__MeshTls</c>; default Off. Any other mode needs the server's certificate from the mesh CA: the
    /// stand-alone server gets it itself (it joins the cluster named by the <c>OrleansMesh__*</c> settings, as gateways
    /// do); a host that runs the server in-process registers an <see cref="IMeshServerIdentity"/> instead (and, for
    /// Mesh, an <see cref="IPeerModeProvider"/>).
    /// </summary>
    public MeshTlsMode MeshTls { get; set; } = MeshTlsMode.Off;

    /// <summary>
    /// How often <see cref="MeshTlsMode.Mesh"/> re-reads the mesh's PeerAuthentications; a change applies to new
    /// connections within this. Env <c>ModelServer__PeerAuthenticationPollInterval</c> (e.g. <c>00:00:02</c>); default 2 s,
    /// 100 ms to 5 min.
    /// </summary>
    public TimeSpan PeerAuthenticationPollInterval { get; set; } = ModelServerDefaults.PeerAuthenticationPollInterval;

    /// <summary>
    /// Namespace in the server's SPIFFE ID (<c>spiffe://TRUST-DOMAIN/ns/NAMESPACE/sa/SERVICE-ACCOUNT</c>). Env
    /// <c>ModelServer__Namespace</c>; default <c>default</c>.
    /// </summary>
    public string Namespace { get; set; } = "default";

    /// <summary>Service account in the server's SPIFFE ID. Env <c>ModelServer__ServiceAccount</c>; default the model <see cref="Name"/>.</summary>
    public string? ServiceAccount { get; set; }

    /// <summary>
    /// Join token for the server's namespace and service account (<c>meshctl identity token create --namespace NAMESPACE
    /// --service-account SERVICE-ACCOUNT</c>), sent by the stand-alone server for its first certificate. Env
    /// <c>ModelServer__JoinToken</c>; set this or <see cref="JoinTokenFile"/>, not both. Default: unset.
    /// </summary>
    public string? JoinToken { get; set; }

    /// <summary>
    /// File holding the join token (a mounted Kubernetes Secret), re-read before each first issuance. Env
    /// <c>ModelServer__JoinTokenFile</c>; default unset.
    /// </summary>
    public string? JoinTokenFile { get; set; }

    /// <summary>
    /// Runs the simulated inference engine (continuous batching, waiting queue, KV cache with prefix caching, LoRA
    /// adapter slots) and serves vLLM's metrics on <c>/metrics</c>; off, answers are timed by <see cref="TokenDelayMs"/>
    /// alone. Flag <c>--engine true</c>; default false.
    /// </summary>
    public bool Engine { get; set; }

    /// <summary>Requests running at once in the engine's batch; the rest wait. Flag <c>--max-running</c>; default 8.</summary>
    public int MaxRunning { get; set; } = ModelServerDefaults.MaxRunning;

    /// <summary>Milliseconds of one decode step (one token) with a batch of one. Flag <c>--decode-ms</c>; default 10.</summary>
    public double DecodeMs { get; set; } = ModelServerDefaults.DecodeMs;

    /// <summary>Milliseconds a decode step grows by for every further request running. Flag <c>--decode-ms-per-running</c>; default 2.</summary>
    public double DecodeMsPerRunning { get; set; } = ModelServerDefaults.DecodeMsPerRunning;

    /// <summary>Milliseconds of prefill per prompt token not in the prefix cache. Flag <c>--prefill-ms-per-token</c>; default 0.5.</summary>
    public double PrefillMsPerToken { get; set; } = ModelServerDefaults.PrefillMsPerToken;

    /// <summary>
    /// Size of the KV cache in tokens; a running request holds blocks for its prompt and its <c>max_tokens</c>, and the
    /// prefix cache keeps this many tokens of prompts. Flag <c>--kv-cache-tokens</c>; default 16384.
    /// </summary>
    public int KvCacheTokens { get; set; } = ModelServerDefaults.KvCacheTokens;

    /// <summary>Tokens (words) per KV-cache block, the unit of prefix caching. Flag <c>--block-tokens</c>; default 16.</summary>
    public int BlockTokens { get; set; } = ModelServerDefaults.BlockTokens;

    /// <summary>LoRA adapters loaded at once (vLLM's <c>--max-loras</c>). Flag <c>--max-lora</c>; default 2.</summary>
    public int MaxLora { get; set; } = ModelServerDefaults.MaxLora;

    /// <summary>Milliseconds to load an adapter into a free slot. Flag <c>--lora-load-ms</c>; default 200.</summary>
    public int LoraLoadMs { get; set; } = ModelServerDefaults.LoraLoadMs;
}
