namespace OrleansMesh.Networking;

/// <summary>Istio <c>Port</c> of a gateway <c>Server</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.GatewayPort")]
public sealed record GatewayPort
{
    /// <summary>The port number.</summary>
    [Id(0)] public uint Number { get; init; }

    /// <summary>HTTP, HTTPS, HTTP2, GRPC, TLS, TCP, ...</summary>
    [Id(1)] public string Protocol { get; init; } = "HTTP";

    /// <summary>The port name.</summary>
    [Id(2)] public string Name { get; init; } = "";

    /// <summary>The port the workload listens on. Stored.</summary>
    [Id(3)] public uint? TargetPort { get; init; }
}
