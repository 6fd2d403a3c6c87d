namespace OrleansMesh.Configuration;

/// <summary>A field read with a codec and set on a record with <c>with</c>; written unless unset or default.</summary>
internal sealed class ObjectField<T, TValue>(
    string name,
    YamlCodec<TValue> codec,
    Func<T, TValue, T> set,
    Func<T, object?>? get,
    object? defaultValue,
    bool always) : IObjectField<T>
{
    public string Name { get; } = name;

    public T Read(T target, YamlTreeNode node, string path, ReadContext context) =>
        codec.TryRead(node, path, context, out var value) ? set(target, value) : target;

    public YamlTreeNode? Write(T source)
    {
        if (get?.Invoke(source) is not TValue value || codec.IsEmpty(value) || (!always && Equals(value, defaultValue)))
        {
            return null;
        }

        return codec.Write(value);
    }
}
