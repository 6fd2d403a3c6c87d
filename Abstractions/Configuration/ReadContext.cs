using OrleansMesh.ControlPlane;

namespace OrleansMesh.Configuration;

/// <summary>What reading one document collects: its diagnostics and the position of every field path.</summary>
internal sealed class ReadContext(string file, int document)
{
    public string File { get; } = file;

    public int Document { get; } = document;

    public List<ConfigDiagnostic> Diagnostics { get; } = [];

    public Dictionary<string, YamlMark> Positions { get; } = new(StringComparer.Ordinal);

    public void Record(string path, YamlMark mark) => Positions.TryAdd(path, mark);

    public bool HasErrors => Diagnostics.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string path, YamlMark at, string message) => Add(DiagnosticSeverity.Error, path, at, message);

    public void Warning(string path, YamlMark at, string message) => Add(DiagnosticSeverity.Warning, path, at, message);

    private void Add(DiagnosticSeverity severity, string path, YamlMark at, string message) => Diagnostics.Add(new ConfigDiagnostic
    {
        Severity = severity,
        Message = message,
        File = File,
        Document = Document,
        Path = path,
        Line = at.Line,
        Column = at.Column,
    });

    public void TypeError(string path, YamlTreeNode node, string expected) => Error(path, At(path, node), $"expected {expected}, got {node.Describe()}");

    /// <summary>
    /// Where an error about <paramref name="node"/> points: a scalar's own position, else its key's, since a block
    /// mapping or list starts on the line after the key that names it.
    /// </summary>
    public YamlMark At(string path, YamlTreeNode node) =>
        node is not YamlTreeScalar && Positions.TryGetValue(path, out var key) ? key : node.Start;

    /// <summary>
    /// The entries of a mapping with string keys, reporting duplicates (YAML forbids them; silently keeping one
    /// would apply a config other than the one reviewed). Records each entry's position.
    /// </summary>
    public IEnumerable<(string Key, string Path, YamlTreeEntry Entry)> Entries(YamlTreeMapping mapping, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            var entryPath = FieldPath.Field(path, key);
            if (!seen.Add(key))
            {
                Error(entryPath, entry.Key.Start, $"duplicate key '{key}'");
                continue;
            }

            Record(entryPath, entry.Key.Start);
            yield return (key, entryPath, entry);
        }
    }
}
