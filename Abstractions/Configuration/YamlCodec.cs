namespace OrleansMesh.Configuration;

/// <summary>Reads one kind of value from the YAML tree (reporting what is wrong) and writes it back.</summary>
internal abstract class YamlCodec<T>
{
    /// <summary>Reads <paramref name="node"/>; false, with the errors in <paramref name="context"/>, when it holds no usable value.</summary>
    public abstract bool TryRead(YamlTreeNode node, string path, ReadContext context, out T value);

    public abstract YamlTreeNode Write(T value);

    /// <summary>True for a value the writer leaves out because reading nothing gives it back (an empty list).</summary>
    public virtual bool IsEmpty(T value) => false;
}
