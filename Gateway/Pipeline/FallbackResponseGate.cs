using OrleansMesh.Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Pipeline;

/// <summary>
/// The transformer of a destination's attempts in a request with a fallback: an upstream answer the route falls back
/// on is not copied to the client (like an answer that will be retried), and an answer from a fallback destination
/// names it in <see cref="FallbackRoute.Header"/>.
/// </summary>
internal sealed class FallbackResponseGate(FallbackAttempt attempt, HttpTransformer inner) : HttpTransformer
{
    public override ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        => inner.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is not null && attempt.HoldsBack((int)proxyResponse.StatusCode))
        {
            return false;
        }

        var copy = await inner.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is not null && attempt.Fallback is { } fallback)
        {
            httpContext.Response.Headers[FallbackRoute.Header] = fallback.Subset is null ? fallback.Host : fallback.Host + "/" + fallback.Subset;
        }

        return copy;
    }

    public override ValueTask TransformResponseTrailersAsync(HttpContext httpContext, HttpResponseMessage proxyResponse, CancellationToken cancellationToken)
        => inner.TransformResponseTrailersAsync(httpContext, proxyResponse, cancellationToken);
}
