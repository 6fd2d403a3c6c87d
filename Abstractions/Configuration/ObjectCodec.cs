namespace OrleansMesh.Configuration;

/// <summary>
/// A message of Istio's API read into a record: known fields by their camelCase names; Istio fields OrleansMesh does
/// not implement either refused (<see cref="Unsupported"/>: ignoring them would change what requests get) or accepted
/// with a warning (<see cref="Unenforced"/>), both saying "not supported by OrleansMesh"; anything else an unknown field
/// with a "did you mean" hint. Every field of Istio's message is one of the three (a test holds the codecs to
/// istio/api's protos).
/// </summary>
internal sealed class ObjectCodec<T>(string typeName) : YamlCodec<T>
    where T : class, new()
{
    private static readonly T s_defaults = new();
    private readonly Dictionary<string, IObjectField<T>> _fields = new(StringComparer.Ordinal);
    private readonly List<IObjectField<T>> _written = [];
    private readonly HashSet<string> _unsupported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ignored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unenforced = new(StringComparer.Ordinal);

    public string TypeName { get; } = typeName;

    /// <summary>A field, written when it differs from the record's default (or always, if asked).</summary>
    public ObjectCodec<T> Field<TValue>(string name, YamlCodec<TValue> codec, Func<T, TValue?> get, Func<T, TValue, T> set, bool always = false)
    {
        var field = new ObjectField<T, TValue>(name, codec, set, t => get(t), get(s_defaults), always);
        _fields.Add(name, field);
        _written.Add(field);
        return this;
    }

    /// <summary>A field of a nullable value type, written when set.</summary>
    public ObjectCodec<T> Optional<TValue>(string name, YamlCodec<TValue> codec, Func<T, TValue?> get, Func<T, TValue, T> set)
        where TValue : struct
    {
        var field = new ObjectField<T, TValue>(name, codec, set, t => get(t), null, always: true);
        _fields.Add(name, field);
        _written.Add(field);
        return this;
    }

    /// <summary>A deprecated spelling that is read but never written.</summary>
    public ObjectCodec<T> ReadOnly<TValue>(string name, YamlCodec<TValue> codec, Func<T, TValue, T> set)
    {
        _fields.Add(name, new ObjectField<T, TValue>(name, codec, set, null, null, always: false));
        return this;
    }

    /// <summary>Istio fields OrleansMesh does not implement: an error that says so, rather than "unknown".</summary>
    public ObjectCodec<T> Unsupported(params string[] names)
    {
        _unsupported.UnionWith(names);
        return this;
    }

    /// <summary>
    /// Istio fields OrleansMesh accepts without acting on them: a warning that says so (with <paramref name="consequence"/>,
    /// what that means for traffic, when it is not obvious), and the rest of the resource applies. The value is dropped.
    /// </summary>
    public ObjectCodec<T> Unenforced(string name, string consequence = "accepted and ignored")
    {
        _unenforced.Add(name, consequence);
        return this;
    }

    /// <summary>Whether <paramref name="name"/> is a field this codec reads, refuses or accepts unenforced by name.</summary>
    public bool Knows(string name) => _fields.ContainsKey(name) || _unsupported.Contains(name) || _unenforced.ContainsKey(name);

    /// <summary>Fields accepted and dropped (server-set metadata).</summary>
    public ObjectCodec<T> Ignored(params string[] names)
    {
        _ignored.UnionWith(names);
        return this;
    }

    public override bool TryRead(YamlTreeNode node, string path, ReadContext context, out T value)
    {
        value = new T();
        if (node is not YamlTreeMapping mapping)
        {
            context.TypeError(path, node, $"a mapping ({TypeName})");
            return false;
        }

        foreach (var (key, entryPath, entry) in context.Entries(mapping, path))
        {
            if (_fields.TryGetValue(key, out var field))
            {
                if (entry.Value is not YamlTreeScalar { IsNull: true })
                {
                    value = field.Read(value, entry.Value, entryPath, context);
                }
            }
            else if (_unsupported.Contains(key))
            {
                context.Error(entryPath, entry.Key.Start, $"field '{key}' of {TypeName} is not supported by OrleansMesh");
            }
            else if (_unenforced.TryGetValue(key, out var consequence))
            {
                context.Warning(entryPath, entry.Key.Start, $"field '{key}' of {TypeName} is not supported by OrleansMesh: {consequence}");
            }
            else if (!_ignored.Contains(key))
            {
                context.Error(entryPath, entry.Key.Start, Suggestions.UnknownField(key, _written.Select(f => f.Name)));
            }
        }

        return true;
    }

    public override YamlTreeNode Write(T value)
    {
        var mapping = new YamlTreeMapping(default);
        foreach (var field in _written)
        {
            if (field.Write(value) is { } node)
            {
                mapping.Entries.Add(new YamlTreeEntry(YamlText.Plain(field.Name), node));
            }
        }

        return mapping;
    }
}
