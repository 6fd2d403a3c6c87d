using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>
/// Istio <c>StringMatch</c>: a mapping with exactly one of <c>exact</c>, <c>prefix</c> or <c>regex</c>; where Istio
/// gives the empty match a meaning (header and query-parameter matches: the value is present, pilot's
/// <c>canBeConvertedToPresentMatch</c>), also <c>{}</c>.
/// </summary>
internal sealed class StringMatchCodec : YamlCodec<StringMatch>
{
    public static readonly StringMatchCodec Instance = new(allowPresence: false);

    /// <summary>For header and query-parameter matches, where <c>{}</c> means "present".</summary>
    public static readonly StringMatchCodec Presence = new(allowPresence: true);

    private static readonly (string Name, StringMatchKind Kind)[] s_kinds =
        [("exact", StringMatchKind.Exact), ("prefix", StringMatchKind.Prefix), ("regex", StringMatchKind.Regex)];

    private readonly bool _allowPresence;

    private StringMatchCodec(bool allowPresence) => _allowPresence = allowPresence;

    public override bool TryRead(YamlTreeNode node, string path, ReadContext context, out StringMatch value)
    {
        value = new StringMatch();
        if (node is not YamlTreeMapping mapping)
        {
            context.TypeError(path, node, "a mapping (StringMatch)");
            return false;
        }

        var found = new List<string>();
        foreach (var (key, entryPath, entry) in context.Entries(mapping, path))
        {
            var kind = Array.FindIndex(s_kinds, k => k.Name == key);
            if (kind < 0)
            {
                context.Error(entryPath, entry.Key.Start, Suggestions.UnknownField(key, s_kinds.Select(k => k.Name)));
            }
            else if (entry.Value is not YamlTreeScalar { IsNull: true })
            {
                found.Add(key);
                if (StringCodec.Instance.TryRead(entry.Value, entryPath, context, out var text))
                {
                    value = new StringMatch { Kind = s_kinds[kind].Kind, Value = text };
                }
            }
        }

        if (found.Count == 1)
        {
            return true;
        }

        if (found.Count == 0 && _allowPresence && mapping.Entries.Count == 0)
        {
            value = StringMatch.Present();
            return true;
        }

        context.Error(path, context.At(path, node), found.Count == 0
            ? "exactly one of 'exact', 'prefix' or 'regex' must be set"
            : $"only one of 'exact', 'prefix' or 'regex' may be set, found {string.Join(" and ", found.Select(f => $"'{f}'"))}");
        return false;
    }

    public override YamlTreeNode Write(StringMatch value)
    {
        var mapping = new YamlTreeMapping(default);
        if (value.Kind == StringMatchKind.Present)
        {
            return mapping;
        }

        // A segment prefix (from an HTTPRoute) has no VirtualService spelling; written as the prefix it starts with.
        var name = value.Kind == StringMatchKind.SegmentPrefix ? "prefix" : s_kinds.First(k => k.Kind == value.Kind).Name;
        mapping.Entries.Add(new YamlTreeEntry(YamlText.Plain(name), YamlText.String(value.Value)));
        return mapping;
    }
}
