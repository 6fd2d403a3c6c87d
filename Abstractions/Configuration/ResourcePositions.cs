using OrleansMesh.ControlPlane;

namespace OrleansMesh.Configuration;

/// <summary>Where one loaded resource came from, and the position of each of its field paths.</summary>
internal sealed class ResourcePositions(ResourceOrigin origin, YamlMark documentStart, IReadOnlyDictionary<string, YamlMark> positions)
{
    public ResourceOrigin Origin { get; } = origin;

    /// <summary>Fills file, document, line and column from the path, or its nearest parent that has a position.</summary>
    public ConfigDiagnostic Locate(ConfigDiagnostic diagnostic)
    {
        var mark = documentStart;
        for (var path = diagnostic.Path; ; path = FieldPath.Parent(path))
        {
            if (positions.TryGetValue(path, out var found))
            {
                mark = found;
                break;
            }

            if (path.Length == 0)
            {
                break;
            }
        }

        return diagnostic with { File = Origin.File, Document = Origin.Document, Line = mark.Line, Column = mark.Column };
    }
}
