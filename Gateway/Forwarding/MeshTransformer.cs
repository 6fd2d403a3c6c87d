using System.Net.Http.Headers;
using Microsoft.Net.Http.Headers;
using OrleansMesh.Gateway.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>
/// The request and response edits of one route destination, compiled once per config snapshot.
/// Keeps the client's authority as Envoy does (the upstream sees the service host, not its own address).
/// </summary>
internal sealed class MeshTransformer(PathRewrite? path, string? authority, HeaderEdits? request, HeaderEdits? response) : HttpTransformer
{
    private const string RequestIdHeader = "x-request-id";

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        var incoming = httpContext.Request;
        if (path is not null)
        {
            proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, new PathString(path.Apply(incoming.Path.Value ?? "/")), incoming.QueryString);
        }

        var headers = proxyRequest.Headers;
        SetHost(headers, authority ?? incoming.Host.Value);
        if (httpContext.Connection.RemoteIpAddress is { } remote)
        {
            AppendForwardedFor(incoming, headers, remote.ToString());
        }

        // The gateway is the edge: what the client claims about the scheme is replaced, as Envoy does.
        headers.Remove("x-forwarded-proto");
        headers.TryAddWithoutValidation("x-forwarded-proto", incoming.Scheme);
        if (!incoming.Headers.ContainsKey(RequestIdHeader))
        {
            headers.TryAddWithoutValidation(RequestIdHeader, RequestIds.Next());
        }

        request?.Apply(proxyRequest);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var result = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        response?.Apply(httpContext.Response.Headers);

        // A body of unknown length (a token stream) is counted as it passes; one with a Content-Length is that long.
        if (result && proxyResponse?.Content is { } content && content.Headers.ContentLength is null)
        {
            CountingResponseStream.Attach(httpContext);
        }

        return result;
    }

    /// <summary>
    /// Sets the upstream Host as a raw value: Kestrel validated the client's and the config's was validated at apply,
    /// and the typed <see cref="HttpRequestHeaders.Host"/> setter parses both the copy YARP made and the new value,
    /// two <see cref="Uri"/>s per request. HttpClient parses the one it sends once.
    /// </summary>
    private static void SetHost(HttpRequestHeaders headers, string? host)
    {
        if (headers.NonValidated.TryGetValues(HeaderNames.Host, out var copied) && copied.Count == 1 && string.Equals(copied.ToString(), host, StringComparison.Ordinal))
        {
            return;
        }

        headers.Remove(HeaderNames.Host);
        if (!string.IsNullOrEmpty(host))
        {
            headers.TryAddWithoutValidation(HeaderNames.Host, host);
        }
    }

    private static void AppendForwardedFor(HttpRequest incoming, HttpRequestHeaders headers, string remote)
    {
        headers.Remove("x-forwarded-for");
        var existing = incoming.Headers["x-forwarded-for"];
        headers.TryAddWithoutValidation("x-forwarded-for", existing.Count == 0 ? remote : $"{existing}, {remote}");
    }
}
