using System.Text;

namespace OrleansMesh.ControlPlane;

/// <summary>An error or warning about config, naming the file, document, field path and line.</summary>
[GenerateSerializer, Immutable, Alias("om.ConfigDiagnostic")]
public sealed record ConfigDiagnostic
{
    /// <summary>Error or warning.</summary>
    [Id(0)] public DiagnosticSeverity Severity { get; init; }

    /// <summary>What is wrong, and what to do about it where that is not obvious.</summary>
    [Id(1)] public string Message { get; init; } = "";

    /// <summary>The file, if known.</summary>
    [Id(2)] public string? File { get; init; }

    /// <summary>The YAML document within the file, counted from 1; 0 when unknown.</summary>
    [Id(3)] public int Document { get; init; }

    /// <summary>The field path, e.g. <c>spec.http[0].route[1].weight</c>; empty for the whole document.</summary>
    [Id(4)] public string Path { get; init; } = "";

    /// <summary>The line, counted from 1; 0 when unknown.</summary>
    [Id(5)] public int Line { get; init; }

    /// <summary>The column, counted from 1; 0 when unknown.</summary>
    [Id(6)] public int Column { get; init; }

    /// <summary>The resource the diagnostic is about, e.g. <c>virtualservice/default/reviews</c>, if known.</summary>
    [Id(7)] public string? Resource { get; init; }

    /// <summary>Formats as <c>file:line:column: error: document N (resource) path: message</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (File is not null)
        {
            text.Append(File);
            if (Line > 0)
            {
                text.Append(':').Append(Line);
                if (Column > 0)
                {
                    text.Append(':').Append(Column);
                }
            }

            text.Append(": ");
        }

        text.Append(Severity switch { DiagnosticSeverity.Error => "error: ", DiagnosticSeverity.Warning => "warning: ", _ => "info: " });
        if (Document > 0)
        {
            text.Append("document ").Append(Document).Append(' ');
        }

        if (Resource is not null)
        {
            text.Append('(').Append(Resource).Append(") ");
        }

        if (Path.Length > 0)
        {
            text.Append(Path).Append(": ");
        }

        return text.Append(Message).ToString();
    }
}
