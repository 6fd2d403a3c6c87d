using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// YARP's client factory with a cluster's <c>connectionPool</c> socket settings: YARP builds the handler with its
/// proxy defaults (no proxy, redirects, decompression or cookies; several HTTP/2 connections) and applies the
/// <see cref="HttpClientConfig"/> (the connection limit); this adds what HttpClientConfig has no field for (timeouts,
/// connection lifetime, keep-alive pings), the mesh's trace propagation and the upstream TLS. One instance per pool
/// built, so the settings travel typed rather than as metadata strings.
/// </summary>
internal sealed class UpstreamHandlerFactory : ForwarderHttpClientFactory
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
    private readonly ConnectionPoolPolicy _policy;
    private readonly TimeSpan _defaultConnectTimeout;
    private readonly TimeSpan _defaultIdleTimeout;
    private readonly Action<SocketsHttpHandler>? _configure;

    private UpstreamHandlerFactory(ConnectionPoolPolicy policy, TimeSpan defaultConnectTimeout, TimeSpan defaultIdleTimeout, Action<SocketsHttpHandler>? configure)
    {
        _policy = policy;
        _defaultConnectTimeout = defaultConnectTimeout;
        _defaultIdleTimeout = defaultIdleTimeout;
        _configure = configure;
    }

    /// <param name="clusterId">The cluster the pool serves (YARP logs it).</param>
    /// <param name="policy">The cluster's socket settings.</param>
    /// <param name="defaultConnectTimeout">Connect timeout when the policy sets none.</param>
    /// <param name="defaultIdleTimeout">Idle timeout when the policy sets none.</param>
    /// <param name="configure">Last changes to the handler (the mesh's upstream mTLS), or null.</param>
    public static HttpMessageInvoker Create(string clusterId, ConnectionPoolPolicy policy, TimeSpan defaultConnectTimeout, TimeSpan defaultIdleTimeout, Action<SocketsHttpHandler>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new UpstreamHandlerFactory(policy, defaultConnectTimeout, defaultIdleTimeout, configure).CreateClient(new ForwarderHttpClientContext
        {
            ClusterId = clusterId,
            OldConfig = HttpClientConfig.Empty,
            OldMetadata = NoMetadata,
            NewConfig = new HttpClientConfig
            {
                // Excess requests wait in SocketsHttpHandler's queue; the admission limit keeps that queue within http1MaxPendingRequests.
                MaxConnectionsPerServer = policy.MaxConnections,
                EnableMultipleHttp2Connections = true,
            },
            NewMetadata = NoMetadata,
        });
    }

    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = _policy.ConnectTimeout ?? _defaultConnectTimeout;
        handler.PooledConnectionIdleTimeout = _policy.IdleTimeout ?? _defaultIdleTimeout;
        handler.PooledConnectionLifetime = _policy.MaxConnectionDuration ?? Timeout.InfiniteTimeSpan;

        // Replaces any trace headers of the client with the current activity's, as YARP's own propagator does.
        handler.ActivityHeadersPropagator = MeshTracePropagator.Instance;

        // Envoy's connection_keepalive pings whether or not requests are in flight.
        if (_policy.KeepAlivePingInterval is { } interval)
        {
            handler.KeepAlivePingDelay = interval;
            handler.KeepAlivePingTimeout = _policy.KeepAlivePingTimeout ?? handler.KeepAlivePingTimeout;
            handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always;
        }

        _configure?.Invoke(handler);
    }
}
