using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OrleansMesh.Configuration;

/// <summary>Writes <see cref="YamlTreeNode"/> documents as block-style YAML, each starting with <c>---</c>.</summary>
internal static class YamlTreeEmitter
{
    public static string Emit(IEnumerable<YamlTreeNode> documents)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        foreach (var document in documents)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: false));
            Node(emitter, document);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Node(Emitter emitter, YamlTreeNode node)
    {
        switch (node)
        {
            case YamlTreeScalar scalar:
                var style = scalar.IsPlain ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value, style, isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case YamlTreeSequence sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, sequence.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    Node(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlTreeMapping mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mapping.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var entry in mapping.Entries)
                {
                    Node(emitter, entry.Key);
                    Node(emitter, entry.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
        }
    }
}
