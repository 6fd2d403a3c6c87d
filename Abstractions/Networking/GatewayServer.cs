using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>Server</c>: one listener of a <see cref="Gateway"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.GatewayServer")]
public sealed record GatewayServer
{
    /// <summary>The listener port.</summary>
    [Id(0)] public GatewayPort Port { get; init; } = new();

    /// <summary>Hosts exposed, optionally <c>namespace/host</c>.</summary>
    [Id(1)] public ImmutableArray<string> Hosts { get; init; } = [];

    /// <summary>Bind address. Stored.</summary>
    [Id(2)] public string? Bind { get; init; }

    /// <summary>TLS settings of the listener.</summary>
    [Id(3)] public ServerTlsSettings? Tls { get; init; }

    /// <summary>Optional listener name.</summary>
    [Id(4)] public string? Name { get; init; }
}
