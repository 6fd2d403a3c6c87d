using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>A route's token rate limit, compiled with its bucket scope and the bucket the grain keeps for it.</summary>
internal sealed class CompiledTokenRateLimit
{
    private CompiledTokenRateLimit(string scope, TokenRateLimitSettings settings)
    {
        Scope = scope;
        Settings = settings;
        Bucket = settings.ToBucket();
    }

    /// <summary>The bucket id prefix, e.g. <c>tokens/route/chat/default/chat-vs/0</c>; apart from the route's request limit.</summary>
    public string Scope { get; }

    public TokenRateLimitSettings Settings { get; }

    /// <summary>The bucket in model tokens, compiled once so the request path looks it up without allocating.</summary>
    public RateLimitSettings Bucket { get; }

    public static CompiledTokenRateLimit? Of(string scope, TokenRateLimitSettings? settings) =>
        settings is null ? null : new CompiledTokenRateLimit("tokens/" + scope, settings);
}
