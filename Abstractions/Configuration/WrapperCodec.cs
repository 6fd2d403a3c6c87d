namespace OrleansMesh.Configuration;

/// <summary>A message Istio wraps around one value, e.g. <c>port: {number: 9080}</c> or <c>body: {string: ...}</c>.</summary>
internal sealed class WrapperCodec<T>(string typeName, string field, YamlCodec<T> inner, params string[] unsupported) : YamlCodec<T>
{
    public override bool TryRead(YamlTreeNode node, string path, ReadContext context, out T value)
    {
        value = default!;
        if (node is not YamlTreeMapping mapping)
        {
            context.TypeError(path, node, $"a mapping ({typeName})");
            return false;
        }

        var read = false;
        foreach (var (key, entryPath, entry) in context.Entries(mapping, path))
        {
            if (key == field)
            {
                if (entry.Value is not YamlTreeScalar { IsNull: true })
                {
                    read = inner.TryRead(entry.Value, entryPath, context, out value);
                }
            }
            else if (unsupported.Contains(key, StringComparer.Ordinal))
            {
                context.Error(entryPath, entry.Key.Start, $"field '{key}' of {typeName} is not supported by OrleansMesh");
            }
            else
            {
                context.Error(entryPath, entry.Key.Start, Suggestions.UnknownField(key, [field]));
            }
        }

        if (!read && !context.Diagnostics.Any(d => d.Path.StartsWith(path, StringComparison.Ordinal)))
        {
            context.Error(path, context.At(path, node), $"'{field}' is required");
        }

        return read;
    }

    public override YamlTreeNode Write(T value)
    {
        var mapping = new YamlTreeMapping(default);
        mapping.Entries.Add(new YamlTreeEntry(YamlText.Plain(field), inner.Write(value)));
        return mapping;
    }
}
