using System.Net;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>Builds a cluster's own connection pool from its <c>connectionPool</c> socket settings.</summary>
internal static class UpstreamHandlerFactory
{
    /// <param name="policy">The cluster's socket settings.</param>
    /// <param name="defaultConnectTimeout">Connect timeout when the policy sets none.</param>
    /// <param name="defaultIdleTimeout">Idle timeout when the policy sets none.</param>
    /// <param name="configure">Last changes to the handler (the mesh's upstream mTLS), or null.</param>
    public static HttpMessageInvoker Create(ConnectionPoolPolicy policy, TimeSpan defaultConnectTimeout, TimeSpan defaultIdleTimeout, Action<SocketsHttpHandler>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = policy.ConnectTimeout ?? defaultConnectTimeout,
            PooledConnectionIdleTimeout = policy.IdleTimeout ?? defaultIdleTimeout,
            PooledConnectionLifetime = policy.MaxConnectionDuration ?? Timeout.InfiniteTimeSpan,

            // Excess requests wait in SocketsHttpHandler's queue; the admission limit keeps that queue within http1MaxPendingRequests.
            MaxConnectionsPerServer = policy.MaxConnections ?? int.MaxValue,
            ActivityHeadersPropagator = MeshTracePropagator.Instance,
        };

        // Envoy's connection_keepalive pings whether or not requests are in flight.
        if (policy.KeepAlivePingInterval is { } interval)
        {
            handler.KeepAlivePingDelay = interval;
            handler.KeepAlivePingTimeout = policy.KeepAlivePingTimeout ?? handler.KeepAlivePingTimeout;
            handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always;
        }

        configure?.Invoke(handler);
        return new HttpMessageInvoker(handler);
    }
}
