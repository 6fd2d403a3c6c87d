using System.Collections.Immutable;

namespace OrleansMesh.Configuration;

/// <summary>A list; items that cannot be read are left out, their errors reported.</summary>
internal sealed class ListCodec<T>(YamlCodec<T> item) : YamlCodec<ImmutableArray<T>>
{
    public override bool TryRead(YamlTreeNode node, string path, ReadContext context, out ImmutableArray<T> value)
    {
        value = [];
        if (node is not YamlTreeSequence sequence)
        {
            context.TypeError(path, node, "a list");
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<T>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = FieldPath.Index(path, i);
            context.Record(itemPath, sequence.Items[i].Start);
            if (item.TryRead(sequence.Items[i], itemPath, context, out var read))
            {
                builder.Add(read);
            }
        }

        value = builder.ToImmutable();
        return true;
    }

    public override YamlTreeNode Write(ImmutableArray<T> value)
    {
        var sequence = new YamlTreeSequence(default);
        foreach (var entry in value.IsDefault ? [] : value)
        {
            sequence.Items.Add(item.Write(entry));
        }

        return sequence;
    }

    public override bool IsEmpty(ImmutableArray<T> value) => value.IsDefaultOrEmpty;
}
