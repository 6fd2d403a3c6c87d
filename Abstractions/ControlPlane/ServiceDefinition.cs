using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.ControlPlane;

/// <summary>
/// A service host of the registry: its ports and all its endpoints (inline and WorkloadEntries), from the ServiceEntries
/// of one namespace (see <see cref="Namespace"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("om.ServiceDefinition")]
public sealed record ServiceDefinition
{
    /// <summary>The host name.</summary>
    [Id(0)] public string Host { get; init; } = "";

    /// <summary>The service ports.</summary>
    [Id(1)] public ImmutableArray<ServicePort> Ports { get; init; } = [];

    /// <summary>The endpoints, with their labels.</summary>
    [Id(2)] public ImmutableArray<WorkloadEntrySpec> Endpoints { get; init; } = [];

    /// <summary>
    /// The namespace of the ServiceEntries the service comes from, and so of its endpoints (a ServiceEntry's inline
    /// endpoints are its own; its workloadSelector picks WorkloadEntries of its namespace only). AuthorizationPolicies and
    /// RequestAuthentications of this namespace apply to the endpoints. When ServiceEntries in several namespaces list
    /// the host, the oldest one's namespace is used and the entries of other namespaces are ignored, as Istio picks the
    /// oldest Service for a hostname. Default: <c>default</c> (also what a table stored before this field reads as).
    /// </summary>
    [Id(3)] public string Namespace { get; init; } = "default";
}
