using System.Net;
using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>The one pooled HTTP client every forwarded request shares (connection reuse is most of a proxy's speed).</summary>
internal sealed class UpstreamHttpClient : IDisposable
{
    /// <param name="options">Socket settings.</param>
    /// <param name="tls">The mesh's mTLS for ISTIO_MUTUAL (https) endpoints; null leaves TLS at the system's defaults.</param>
    public UpstreamHttpClient(IOptions<MeshGatewayOptions> options, UpstreamTls? tls = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = settings.ConnectTimeout,
            PooledConnectionIdleTimeout = settings.UpstreamIdleTimeout,

            // Replaces any trace headers of the client with the current activity's, as YARP's own client factory does.
            ActivityHeadersPropagator = MeshTracePropagator.Instance,
        };
        tls?.Apply(handler);
        Invoker = new HttpMessageInvoker(handler);
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
