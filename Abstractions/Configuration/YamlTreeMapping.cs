namespace OrleansMesh.Configuration;

/// <summary>A mapping, entries in text order, duplicates kept so the reader can report them.</summary>
internal sealed class YamlTreeMapping(YamlMark start) : YamlTreeNode(start)
{
    public List<YamlTreeEntry> Entries { get; } = [];

    public override string Describe() => "a mapping";
}
