namespace OrleansMesh.Resilience;

/// <summary>
/// How a token rate limit estimates a request before it runs: input tokens as the body's length in bytes / 4 (the
/// usual rule of thumb for English text with BPE tokenizers), plus the request's <c>max_tokens</c> or, when it sets
/// none, <see cref="DefaultOutputTokens"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.TokenEstimateSettings")]
public sealed record TokenEstimateSettings
{
    /// <summary>Output tokens assumed for a request without <c>max_tokens</c>. Default: 256; at least 1.</summary>
    [Id(0)] public int DefaultOutputTokens { get; init; } = 256;
}
