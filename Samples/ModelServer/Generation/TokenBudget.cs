using System.Globalization;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Samples.ModelServer.Generation;

/// <summary>How many tokens a request gets: its <c>max_tokens</c>, else the configured default, within the limit.</summary>
internal static class TokenBudget
{
    public static bool TryResolve(int? requested, ModelServerOptions options, out int tokens, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        tokens = requested ?? options.DefaultMaxTokens;
        if (tokens < 1 || tokens > options.MaxTokensLimit)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"max_tokens must be between 1 and {options.MaxTokensLimit}, but was {tokens}.");
            return false;
        }

        error = null;
        return true;
    }
}
