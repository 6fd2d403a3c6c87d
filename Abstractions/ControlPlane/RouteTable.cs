using System.Collections.Immutable;
using OrleansMesh.Inference;
using OrleansMesh.Networking;

namespace OrleansMesh.ControlPlane;

/// <summary>Everything that decides how traffic for one host is routed, owned by that host's grain.</summary>
[GenerateSerializer, Immutable, Alias("om.RouteTable")]
public sealed record RouteTable
{
    /// <summary>The host: a service name, or a VirtualService host pattern such as <c>*</c>.</summary>
    [Id(0)] public string Host { get; init; } = "";

    /// <summary>Bumped on every change of this table.</summary>
    [Id(1)] public long Generation { get; init; }

    /// <summary>VirtualServices that list this host, oldest first (Istio merges them in creation order).</summary>
    [Id(2)] public ImmutableArray<VirtualService> VirtualServices { get; init; } = [];

    /// <summary>The DestinationRule for this host, if any.</summary>
    [Id(3)] public DestinationRule? DestinationRule { get; init; }

    /// <summary>The registry entry for this host, if any.</summary>
    [Id(4)] public ServiceDefinition? Service { get; init; }

    /// <summary>
    /// For a pool host (<c>NAME.NAMESPACE.inferencepool</c>) with its InferencePool: the pool, whose members are
    /// <see cref="Service"/>'s endpoints.
    /// </summary>
    [Id(5)] public InferencePoolBinding? Pool { get; init; }

    /// <summary>True when nothing refers to this host any more.</summary>
    public bool IsEmpty => VirtualServices.IsEmpty && DestinationRule is null && Service is null && Pool is null;
}
