using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Hosting;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>The one pooled HTTP client every forwarded request shares (connection reuse is most of a proxy's speed).</summary>
internal sealed class UpstreamHttpClient : IDisposable
{
    public UpstreamHttpClient(IOptions<MeshGatewayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = settings.ConnectTimeout,
            PooledConnectionIdleTimeout = settings.UpstreamIdleTimeout,

            // Replaces any trace headers of the client with the current activity's, as YARP's own client factory does.
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
        });
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
