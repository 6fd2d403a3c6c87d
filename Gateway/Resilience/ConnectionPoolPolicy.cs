using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// A destination's <c>connectionPool</c>, with unset and zero fields meaning Envoy's default (2^32 - 1: no limit).
/// A record, so that an unchanged policy keeps its counters and connections across config snapshots.
/// </summary>
internal sealed record ConnectionPoolPolicy
{
    public int? MaxRequests { get; init; }

    public int? MaxPendingRequests { get; init; }

    public int? MaxConnections { get; init; }

    public int? MaxRequestsPerConnection { get; init; }

    public int? MaxRetries { get; init; }

    public TimeSpan? ConnectTimeout { get; init; }

    public TimeSpan? IdleTimeout { get; init; }

    public TimeSpan? MaxConnectionDuration { get; init; }

    /// <summary>HTTP/2 PING interval (<c>http2KeepAlive.interval</c>).</summary>
    public TimeSpan? KeepAlivePingInterval { get; init; }

    /// <summary>How long a PING may go unanswered before the connection is closed (<c>http2KeepAlive.timeout</c>).</summary>
    public TimeSpan? KeepAlivePingTimeout { get; init; }

    /// <summary>Whether the cluster needs a connection pool of its own (a shared one cannot take per-cluster socket settings).</summary>
    public bool NeedsOwnPool => MaxConnections is not null || ConnectTimeout is not null || IdleTimeout is not null || MaxConnectionDuration is not null || KeepAlivePingInterval is not null;

    /// <summary>Null when every field is at its default, so that a cluster without limits pays nothing.</summary>
    public static ConnectionPoolPolicy? From(ConnectionPoolSettings? settings)
    {
        if (settings is null)
        {
            return null;
        }

        var policy = new ConnectionPoolPolicy
        {
            MaxRequests = Limit(settings.Http?.Http2MaxRequests),
            MaxPendingRequests = Limit(settings.Http?.Http1MaxPendingRequests),
            MaxConnections = Limit(settings.Tcp?.MaxConnections),
            MaxRequestsPerConnection = Limit(settings.Http?.MaxRequestsPerConnection),
            MaxRetries = Limit(settings.Http?.MaxRetries),
            ConnectTimeout = Duration(settings.Tcp?.ConnectTimeout),
            IdleTimeout = Duration(settings.Http?.IdleTimeout ?? settings.Tcp?.IdleTimeout),
            MaxConnectionDuration = Duration(settings.Tcp?.MaxConnectionDuration),
            KeepAlivePingInterval = Duration(settings.Http?.Http2KeepAlive?.Interval),
            KeepAlivePingTimeout = Duration(settings.Http?.Http2KeepAlive?.Timeout),
        };
        return policy == new ConnectionPoolPolicy() ? null : policy;
    }

    /// <summary>
    /// Requests admitted at once. HTTP/1.1 runs one request per connection, so beyond <c>maxConnections</c> a request
    /// is pending, and at most <c>http1MaxPendingRequests</c> may be; HTTP/2 multiplexes, so only
    /// <c>http2MaxRequests</c> applies. Null: no limit.
    /// </summary>
    public int? AdmissionLimit(bool http2)
    {
        long? limit = MaxRequests;
        if (!http2 && MaxConnections is { } connections && MaxPendingRequests is { } pending)
        {
            limit = Math.Min(limit ?? long.MaxValue, (long)connections + pending);
        }

        return limit is null ? null : (int)Math.Min(limit.Value, int.MaxValue);
    }

    private static int? Limit(int? value) => value is > 0 ? value : null;

    private static TimeSpan? Duration(TimeSpan? value) => value is { } d && d > TimeSpan.Zero ? d : null;
}
