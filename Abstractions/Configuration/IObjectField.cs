namespace OrleansMesh.Configuration;

/// <summary>One field of an <see cref="ObjectCodec{T}"/>.</summary>
internal interface IObjectField<T>
{
    string Name { get; }

    T Read(T target, YamlTreeNode node, string path, ReadContext context);

    /// <summary>The field's node, or null when the field is left out (unset or default).</summary>
    YamlTreeNode? Write(T source);
}
