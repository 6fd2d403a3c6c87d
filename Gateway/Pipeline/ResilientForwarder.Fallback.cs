using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Gateway.Security;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>A route's fallback (<c>x-orleansmesh.fallback</c>): the next destination after the chosen one fails.</summary>
internal sealed partial class ResilientForwarder
{
    /// <summary>
    /// Forwards to <paramref name="destination"/>, then, while a destination fails in a way the route falls back on
    /// and nothing has been written to the client, to the next fallback destination, each with its own breaker,
    /// connection pool and the route's retries and timeout. Needs a body that can be sent again: one buffered
    /// (Content-Length up to <c>RetryBufferLimit</c>), or a streamed one no attempt has read yet.
    /// </summary>
    private async ValueTask<ForwardResult> ForwardWithFallbackAsync(HttpContext context, SecuritySnapshot security, CompiledRoute route, ForwardAction action, int matchIndex, WeightedDestination destination, bool delayed, FallbackRoute fallback)
    {
        var body = RequestBodyReplay.Prepare(context.Request, _bufferLimit);
        var attempt = new FallbackAttempt(fallback, body);
        for (var next = 0; ; next++)
        {
            attempt.Begin(next == 0 ? null : destination.Cluster, canFallBack: next < fallback.Destinations.Length);
            var result = await ForwardToAsync(context, security, route, action, matchIndex, destination, delayed, attempt);

            // The upstream's answer was held back by the attempt's response gate; the mesh's refusal is held back here.
            var fellThrough = result.Rejection is { } refusal ? attempt.HoldsBack(refusal.Kind, result.Outcome) : attempt.FellThrough;
            if (!fellThrough || context.RequestAborted.IsCancellationRequested)
            {
                return result;
            }

            var failed = destination.Cluster.Name;
            destination = fallback.Destinations[next];
            LogFallingBack(route.Name, failed, result.Outcome, destination.Cluster.Name);
            context.Response.Clear();
            body.Rewind();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Route {Route}: {Failed} failed ({Reason}), falling back to {Next}")]
    private partial void LogFallingBack(string route, string failed, UpstreamOutcome reason, string next);
}
