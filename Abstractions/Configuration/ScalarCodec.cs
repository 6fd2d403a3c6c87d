namespace OrleansMesh.Configuration;

/// <summary>A codec of a single scalar; any other node is a type error.</summary>
internal abstract class ScalarCodec<T>(string expected) : YamlCodec<T>
{
    /// <summary>The type error's wording, e.g. <c>an integer</c>.</summary>
    public string Expected { get; } = expected;

    public sealed override bool TryRead(YamlTreeNode node, string path, ReadContext context, out T value)
    {
        if (node is YamlTreeScalar scalar && !scalar.IsNull)
        {
            return TryParse(scalar, path, context, out value);
        }

        context.TypeError(path, node, Expected);
        value = default!;
        return false;
    }

    protected abstract bool TryParse(YamlTreeScalar scalar, string path, ReadContext context, out T value);
}
