using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Forwarding;

/// <summary>Istio header operations (set, then add, then remove) flattened into arrays for the request path.</summary>
internal sealed class HeaderEdits
{
    private readonly KeyValuePair<string, string>[] _set;
    private readonly KeyValuePair<string, string>[] _add;
    private readonly string[] _remove;

    private HeaderEdits(IEnumerable<HeaderMutation> mutations)
    {
        _set = [.. mutations.SelectMany(m => m.Set)];
        _add = [.. mutations.SelectMany(m => m.Add)];
        _remove = [.. mutations.SelectMany(m => m.Remove)];
    }

    /// <summary>Combines route-level and destination-level operations; null when there are none.</summary>
    public static HeaderEdits? Create(params HeaderMutation?[] mutations)
    {
        var present = mutations.OfType<HeaderMutation>().ToArray();
        var edits = new HeaderEdits(present);
        return edits._set.Length + edits._add.Length + edits._remove.Length == 0 ? null : edits;
    }

    public void Apply(HttpRequestMessage request)
    {
        foreach (var (name, value) in _set)
        {
            Remove(request, name);
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        foreach (var (name, value) in _add)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        foreach (var name in _remove)
        {
            Remove(request, name);
        }
    }

    public void Apply(IHeaderDictionary headers)
    {
        foreach (var (name, value) in _set)
        {
            headers[name] = value;
        }

        foreach (var (name, value) in _add)
        {
            headers.Append(name, value);
        }

        foreach (var name in _remove)
        {
            headers.Remove(name);
        }
    }

    // Remove throws for a name of the other collection (Content-Type on request headers); TryGetValues does not.
    private static void Remove(HttpRequestMessage request, string name)
    {
        if (request.Headers.TryGetValues(name, out _))
        {
            request.Headers.Remove(name);
        }

        if (request.Content is { } content && content.Headers.TryGetValues(name, out _))
        {
            content.Headers.Remove(name);
        }
    }
}
