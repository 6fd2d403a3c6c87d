using OrleansMesh.Gateway.Security.Authentication;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>One rate limit that applies to a route or destination, compiled with its bucket scope.</summary>
internal sealed class CompiledRateLimit(string scope, RateLimitSettings settings, bool global)
{
    /// <summary>The bucket id prefix, e.g. <c>route/chat/default/chat-vs/0</c> or <c>destination/chat|v2</c>.</summary>
    public string Scope { get; } = scope;

    public RateLimitSettings Settings { get; } = settings;

    /// <summary>Cluster-wide (leased from a grain) or this gateway's own.</summary>
    public bool IsGlobal { get; } = global;

    /// <summary>
    /// The limits of one scope. A local limit's scope carries its parameters, so that a changed limit starts a fresh
    /// bucket; a cluster-wide bucket keeps its grain and the grain adopts the new parameters.
    /// </summary>
    public static CompiledRateLimit[] Of(string scope, RateLimitSettings? global, RateLimitSettings? local) => (global, local) switch
    {
        (null, null) => [],
        ({ } g, null) => [new(scope, g, global: true)],
        (null, { } l) => [Local(scope, l)],
        ({ } g, { } l) => [Local(scope, l), new(scope, g, global: true)],
    };

    private static CompiledRateLimit Local(string scope, RateLimitSettings settings) =>
        new($"{scope}#{(uint)settings.GetHashCode():x8}", settings, global: false);

    /// <summary>Takes a token; when a cluster-wide bucket refuses, <paramref name="leased"/> is it, for a wait on its lease.</summary>
    public bool TryAcquire(HttpContext context, RateLimitBuckets buckets, long now, out TimeSpan retryAfter, out LeasedBucket? leased)
    {
        var key = ClientKey(context, Settings.Key);
        leased = null;
        if (!IsGlobal)
        {
            return buckets.Local(Scope, key, Settings).TryAcquire(now, out retryAfter);
        }

        var bucket = buckets.Global(Scope, key, Settings);
        if (bucket.TryAcquire(now, out retryAfter))
        {
            return true;
        }

        leased = bucket;
        return false;
    }

    /// <summary>The request's client key for per-client buckets: the header's or the verified claim's value, else null.</summary>
    public static string? ClientKey(HttpContext context, RateLimitKey? key)
    {
        if (key is null)
        {
            return null;
        }

        if (key.Header is { } header)
        {
            var values = context.Request.Headers[header];
            return values.Count == 0 ? null : values[0];
        }

        // Only a verified token's claims count (RequestAuthentication ran before routing); an unverified one is no key.
        return key.Claim is { } claim && context.Features.Get<IMeshAuthenticationFeature>()?.Authentication is { } authentication
            ? authentication.Claim(claim) is [{ } value, ..] ? value : null
            : null;
    }
}
