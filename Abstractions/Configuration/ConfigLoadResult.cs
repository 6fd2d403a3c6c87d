using System.Collections.Immutable;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Configuration;

/// <summary>The resources read from one YAML text, and every error and warning about them.</summary>
public sealed class ConfigLoadResult
{
    /// <summary>
    /// The resources, in document order. Empty documents are skipped; a document whose shape is wrong (unknown
    /// fields, wrong types, bad YAML) yields no resource, while a well-formed resource that breaks a validation
    /// rule is kept, its errors in <see cref="Diagnostics"/>.
    /// </summary>
    public ImmutableArray<SourcedResource> Resources { get; init; } = [];

    /// <summary>Errors and warnings, each with file, document, field path and line.</summary>
    public ImmutableArray<ConfigDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when any diagnostic is an error: then nothing of this text may be applied.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Field positions of each resource read, by <c>ResourceId.ToString()</c>.</summary>
    internal ImmutableDictionary<string, ResourcePositions> Positions { get; init; } = ImmutableDictionary<string, ResourcePositions>.Empty;

    /// <summary>
    /// Fills in file, document, line and column of a diagnostic about one of <see cref="Resources"/>
    /// (found by <see cref="ConfigDiagnostic.Resource"/>) from its field path, falling back to the nearest parent
    /// path that has a position, then to the document's start. Other diagnostics are returned unchanged.
    /// </summary>
    /// <param name="diagnostic">A diagnostic, e.g. from <see cref="MeshConfigValidator.ValidateReferences"/>.</param>
    public ConfigDiagnostic Locate(ConfigDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Resource is { } id && Positions.TryGetValue(id, out var positions) ? positions.Locate(diagnostic) : diagnostic;
    }
}
