using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Config;

/// <summary>What an apply or delete would do: its diagnostics, per-resource outcome and the resulting resources.</summary>
internal sealed record ConfigPlan
{
    /// <summary>Errors and warnings, with file and document filled in where the request said where a resource came from.</summary>
    public ImmutableArray<ConfigDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>One entry per requested resource.</summary>
    public ImmutableArray<ResourceChange> Changes { get; init; } = [];

    /// <summary>The resources the mesh holds if the plan is committed.</summary>
    public IReadOnlyDictionary<ResourceId, StoredResource> Next { get; init; } = ImmutableDictionary<ResourceId, StoredResource>.Empty;

    /// <summary>The last creation revision handed out, counting the plan's new resources.</summary>
    public long LastRevision { get; init; }

    /// <summary>True when any diagnostic is an error: the request is refused whole.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>True when committing would change anything.</summary>
    public bool HasChanges => Changes.Any(c => c.Action != ChangeAction.Unchanged);
}
