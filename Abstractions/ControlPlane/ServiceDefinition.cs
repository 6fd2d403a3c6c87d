using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.ControlPlane;

/// <summary>A service host of the registry: its ports and all its endpoints (inline and WorkloadEntries).</summary>
[GenerateSerializer, Immutable, Alias("om.ServiceDefinition")]
public sealed record ServiceDefinition
{
    /// <summary>The host name.</summary>
    [Id(0)] public string Host { get; init; } = "";

    /// <summary>The service ports.</summary>
    [Id(1)] public ImmutableArray<ServicePort> Ports { get; init; } = [];

    /// <summary>The endpoints, with their labels.</summary>
    [Id(2)] public ImmutableArray<WorkloadEntrySpec> Endpoints { get; init; } = [];
}
