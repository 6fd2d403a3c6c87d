namespace OrleansMesh.Configuration;

/// <summary>
/// A node of our own YAML tree: YamlDotNet's representation model recurses while composing (a deeply nested
/// input would overflow the stack) and keeps no duplicate keys, so the loader builds this one from parser events.
/// </summary>
internal abstract class YamlTreeNode(YamlMark start)
{
    public YamlMark Start { get; } = start;

    /// <summary>How the node is named in a type error, e.g. <c>a list</c>.</summary>
    public abstract string Describe();
}
