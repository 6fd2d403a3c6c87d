using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// What a model request is charged before it runs: its body's length in bytes / 4 as input tokens (the usual rule of
/// thumb for English text under BPE tokenizers; the real count is settled afterwards), plus the output it may produce:
/// its <c>max_tokens</c>, else the limit's <see cref="TokenEstimateSettings.DefaultOutputTokens"/>.
/// </summary>
internal static class TokenEstimate
{
    /// <summary>Bytes per token of the input rule of thumb.</summary>
    public const int BytesPerToken = 4;

    public static int Of(long bodyLength, int? maxTokens, TokenEstimateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var output = maxTokens is > 0 and var max ? max : settings.DefaultOutputTokens;
        return (int)Math.Min(int.MaxValue, (Math.Max(0, bodyLength) / BytesPerToken) + output);
    }
}
