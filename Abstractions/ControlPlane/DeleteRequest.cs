using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.ControlPlane;

/// <summary>Resources to delete, all or nothing.</summary>
[GenerateSerializer, Immutable, Alias("om.DeleteRequest")]
public sealed record DeleteRequest
{
    /// <summary>The resources to delete.</summary>
    [Id(0)] public ImmutableArray<ResourceId> Resources { get; init; } = [];

    /// <summary>Validate only; delete nothing. Default: false.</summary>
    [Id(1)] public bool DryRun { get; init; }
}
