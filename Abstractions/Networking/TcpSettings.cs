namespace OrleansMesh.Networking;

/// <summary>Istio <c>ConnectionPoolSettings.TCPSettings</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.TcpSettings")]
public sealed record TcpSettings
{
    /// <summary>Maximum connections to a destination.</summary>
    [Id(0)] public int? MaxConnections { get; init; }

    /// <summary>Connect timeout.</summary>
    [Id(1)] public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>Maximum lifetime of a connection.</summary>
    [Id(2)] public TimeSpan? MaxConnectionDuration { get; init; }

    /// <summary>Idle timeout of a connection.</summary>
    [Id(3)] public TimeSpan? IdleTimeout { get; init; }
}
