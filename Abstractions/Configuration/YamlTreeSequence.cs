namespace OrleansMesh.Configuration;

internal sealed class YamlTreeSequence(YamlMark start) : YamlTreeNode(start)
{
    public List<YamlTreeNode> Items { get; } = [];

    public override string Describe() => "a list";
}
