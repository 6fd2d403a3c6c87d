using System.Collections.Immutable;

namespace OrleansMesh.Configuration;

/// <summary>A mapping from free-form keys (labels, header names) to values.</summary>
internal sealed class MapCodec<T>(YamlCodec<T> item) : YamlCodec<ImmutableDictionary<string, T>>
{
    /// <summary>When set, an empty mapping is this error (where Istio tells "set but empty" from "unset").</summary>
    public string? EmptyError { get; init; }

    public override bool TryRead(YamlTreeNode node, string path, ReadContext context, out ImmutableDictionary<string, T> value)
    {
        value = ImmutableDictionary<string, T>.Empty;
        if (node is not YamlTreeMapping mapping)
        {
            context.TypeError(path, node, "a mapping");
            return false;
        }

        if (EmptyError is not null && mapping.Entries.Count == 0)
        {
            context.Error(path, context.At(path, node), EmptyError);
        }

        var builder = ImmutableDictionary.CreateBuilder<string, T>();
        foreach (var (key, entryPath, entry) in context.Entries(mapping, path))
        {
            if (item.TryRead(entry.Value, entryPath, context, out var read))
            {
                builder[key] = read;
            }
        }

        value = builder.ToImmutable();
        return true;
    }

    public override YamlTreeNode Write(ImmutableDictionary<string, T> value)
    {
        var mapping = new YamlTreeMapping(default);
        foreach (var (key, entry) in value.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            mapping.Entries.Add(new YamlTreeEntry(YamlText.String(key), item.Write(entry)));
        }

        return mapping;
    }

    public override bool IsEmpty(ImmutableDictionary<string, T> value) => value.IsEmpty;
}
