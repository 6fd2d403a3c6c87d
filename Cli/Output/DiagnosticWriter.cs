using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli.Output;

/// <summary>Writes diagnostics one a line, each once: the control plane repeats checks meshctl already ran.</summary>
internal sealed class DiagnosticWriter(TextWriter error)
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    public void Write(IEnumerable<ConfigDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var line = diagnostic.ToString();
            if (_written.Add(line))
            {
                error.WriteLine(line);
            }
        }
    }

    /// <summary>Says that the mesh refused a change, unless one of its errors, already written, says why.</summary>
    public void WriteRefusal(ConfigResult result, string message)
    {
        if (!result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            error.WriteLine($"error: {message}");
        }
    }
}
