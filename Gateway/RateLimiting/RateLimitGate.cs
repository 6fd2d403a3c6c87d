using System.Globalization;
using OrleansMesh.Gateway.Forwarding;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>The request path's rate-limit check: every limit of the route and destination must have a token.</summary>
internal sealed class RateLimitGate(RateLimitBuckets buckets)
{
    /// <summary>Envoy's response flag for a request its rate limiter refused.</summary>
    public const string Flag = "RL";

    public bool TryAcquire(HttpContext context, CompiledRateLimit[] limits, out TimeSpan retryAfter, out CompiledRateLimit? refusedBy)
    {
        retryAfter = TimeSpan.Zero;
        refusedBy = null;
        if (limits.Length == 0)
        {
            return true;
        }

        var now = buckets.Time.GetTimestamp();
        foreach (var limit in limits)
        {
            if (!limit.TryAcquire(context, buckets, now, out retryAfter))
            {
                refusedBy = limit;
                return false;
            }
        }

        return true;
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds (at least 1), as Envoy's rate limit filter answers.</summary>
    public static Task WriteRejectedAsync(HttpContext context, TimeSpan retryAfter, CompiledRateLimit limit, string flags = Flag)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.OnStarting(static state =>
        {
            var (response, value) = ((HttpResponse, string))state;
            response.Headers.RetryAfter = value;
            return Task.CompletedTask;
        }, (context.Response, seconds.ToString(CultureInfo.InvariantCulture)));
        var scope = limit.IsGlobal ? "cluster-wide" : "local";
        return MeshErrorResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, flags, "rate_limited", $"{scope} rate limit {limit.Scope} exceeded; retry after {seconds}s");
    }
}
