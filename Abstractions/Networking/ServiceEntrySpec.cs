using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>The spec of a <see cref="ServiceEntry"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.ServiceEntrySpec")]
public sealed record ServiceEntrySpec
{
    /// <summary>The service's host names.</summary>
    [Id(0)] public ImmutableArray<string> Hosts { get; init; } = [];

    /// <summary>Virtual IPs of the service. Stored.</summary>
    [Id(1)] public ImmutableArray<string> Addresses { get; init; } = [];

    /// <summary>The service's ports.</summary>
    [Id(2)] public ImmutableArray<ServicePort> Ports { get; init; } = [];

    /// <summary><c>MESH_EXTERNAL</c> or <c>MESH_INTERNAL</c>. Default: <c>MESH_EXTERNAL</c>.</summary>
    [Id(3)] public string Location { get; init; } = "MESH_EXTERNAL";

    /// <summary><c>NONE</c>, <c>STATIC</c>, <c>DNS</c> or <c>DNS_ROUND_ROBIN</c>. Default: <c>NONE</c>.</summary>
    [Id(4)] public string Resolution { get; init; } = "NONE";

    /// <summary>Inline endpoints.</summary>
    [Id(5)] public ImmutableArray<WorkloadEntrySpec> Endpoints { get; init; } = [];

    /// <summary>Selects <see cref="WorkloadEntry"/> resources (in the same namespace) as further endpoints.</summary>
    [Id(6)] public WorkloadSelector? WorkloadSelector { get; init; }

    /// <summary>Namespaces the entry is visible to. Stored.</summary>
    [Id(7)] public ImmutableArray<string> ExportTo { get; init; } = [];

    /// <summary>Identities the endpoints may present. Stored.</summary>
    [Id(8)] public ImmutableArray<string> SubjectAltNames { get; init; } = [];
}
