namespace OrleansMesh.Networking;

/// <summary>Istio <c>Destination</c>: a service host, an optional subset and port.</summary>
[GenerateSerializer, Immutable, Alias("om.Destination")]
public sealed record Destination
{
    /// <summary>The service host, as in the service registry (ServiceEntry hosts).</summary>
    [Id(0)] public string Host { get; init; } = "";

    /// <summary>A subset defined by the host's DestinationRule.</summary>
    [Id(1)] public string? Subset { get; init; }

    /// <summary>The service port; required only when the service has several.</summary>
    [Id(2)] public uint? Port { get; init; }
}
