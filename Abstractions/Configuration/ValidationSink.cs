using System.Collections.Immutable;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Configuration;

/// <summary>Collects the diagnostics of one resource, with its id and the field path (lines are filled in by the loader).</summary>
internal sealed class ValidationSink(string resource)
{
    private readonly ImmutableArray<ConfigDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<ConfigDiagnostic>();

    public void Error(string path, string message) => Add(DiagnosticSeverity.Error, path, message);

    public void Warning(string path, string message) => Add(DiagnosticSeverity.Warning, path, message);

    public ImmutableArray<ConfigDiagnostic> ToImmutable() => _diagnostics.ToImmutable();

    private void Add(DiagnosticSeverity severity, string path, string message) =>
        _diagnostics.Add(new ConfigDiagnostic { Severity = severity, Path = path, Message = message, Resource = resource });
}
