namespace OrleansMesh.Networking;

/// <summary>Istio <c>ServicePort</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.ServicePort")]
public sealed record ServicePort
{
    /// <summary>The port number clients use.</summary>
    [Id(0)] public uint Number { get; init; }

    /// <summary>HTTP, HTTPS, HTTP2, GRPC, TCP, TLS, ...</summary>
    [Id(1)] public string Protocol { get; init; } = "HTTP";

    /// <summary>The port name; endpoints map names to their own port numbers.</summary>
    [Id(2)] public string Name { get; init; } = "";

    /// <summary>The endpoints' port when they do not name one. Default: <see cref="Number"/>.</summary>
    [Id(3)] public uint? TargetPort { get; init; }
}
