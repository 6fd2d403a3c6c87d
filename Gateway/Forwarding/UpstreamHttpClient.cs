using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Security.Identity;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>
/// The one pooled HTTP client every forwarded request shares (connection reuse is most of a proxy's speed) when its
/// cluster has no <c>connectionPool</c> settings of its own; built by YARP's client factory like those.
/// </summary>
internal sealed class UpstreamHttpClient : IDisposable
{
    /// <param name="options">Socket settings.</param>
    /// <param name="tls">The mesh's mTLS for ISTIO_MUTUAL (https) endpoints; null leaves TLS at the system's defaults.</param>
    public UpstreamHttpClient(IOptions<MeshGatewayOptions> options, UpstreamTls? tls = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Invoker = UpstreamHandlerFactory.Create("(shared)", new ConnectionPoolPolicy(), settings.ConnectTimeout, settings.UpstreamIdleTimeout, tls is null ? null : tls.Apply);
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
