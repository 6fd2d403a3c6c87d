using System.Collections.Immutable;

namespace OrleansMesh.ControlPlane;

/// <summary>Resources to create or replace, all or nothing.</summary>
[GenerateSerializer, Immutable, Alias("om.ApplyRequest")]
public sealed record ApplyRequest
{
    /// <summary>The resources; each replaces the stored resource of the same kind, namespace and name.</summary>
    [Id(0)] public ImmutableArray<SourcedResource> Resources { get; init; } = [];

    /// <summary>Validate only; store nothing. Default: false.</summary>
    [Id(1)] public bool DryRun { get; init; }
}
