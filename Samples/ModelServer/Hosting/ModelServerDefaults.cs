namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>Defaults of <see cref="ModelServerOptions"/>, in one place so docs, flags and validation agree.</summary>
internal static class ModelServerDefaults
{
    public const string SectionName = "ModelServer";
    public const string Name = "demo-model";
    public const string Version = "v1";
    public const string Url = "http://127.0.0.1:9001";
    public const int LatencyMs = 0;
    public const int TokenDelayMs = 20;
    public const double ErrorRate = 0;
    public const int DefaultMaxTokens = 16;
    public const int MaxTokensLimit = 4096;
    public const int EmbeddingDimensions = 8;
    public const int MaxRunning = 8;
    public const double DecodeMs = 10;
    public const double DecodeMsPerRunning = 2;
    public const double PrefillMsPerToken = 0.5;
    public const int KvCacheTokens = 16384;
    public const int BlockTokens = 16;
    public const int MaxLora = 2;
    public const int LoraLoadMs = 200;
    public static readonly TimeSpan PeerAuthenticationPollInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MinPeerAuthenticationPollInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxPeerAuthenticationPollInterval = TimeSpan.FromMinutes(5);

    // One read of the mesh config may take this long before the poller gives up on it and keeps the mode in force.
    public static readonly TimeSpan PeerAuthenticationReadTimeout = TimeSpan.FromSeconds(5);

    // Upper bounds keep a typo (an extra zero) from turning into a server that never answers.
    public const int MaxDelayMs = 600_000;
    public const int MaxEmbeddingDimensions = 4096;
    public const int MaxNameLength = 128;
}
