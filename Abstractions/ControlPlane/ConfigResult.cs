using System.Collections.Immutable;

namespace OrleansMesh.ControlPlane;

/// <summary>The outcome of an apply or delete.</summary>
[GenerateSerializer, Immutable, Alias("om.ConfigResult")]
public sealed record ConfigResult
{
    /// <summary>True when there was no error (and, unless a dry run, the change is stored).</summary>
    [Id(0)] public bool Succeeded { get; init; }

    /// <summary>The mesh config generation after the change.</summary>
    [Id(1)] public long Generation { get; init; }

    /// <summary>Per-resource outcomes; empty when refused.</summary>
    [Id(2)] public ImmutableArray<ResourceChange> Changes { get; init; } = [];

    /// <summary>Errors and warnings.</summary>
    [Id(3)] public ImmutableArray<ConfigDiagnostic> Diagnostics { get; init; } = [];
}
