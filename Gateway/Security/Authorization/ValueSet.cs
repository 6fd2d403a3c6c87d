namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// One field of a source, operation or condition with its <c>not…</c> form: the attribute must match one of
/// <c>values</c> (when set) and none of <c>notValues</c>. An absent attribute matches no value. Evaluated on every
/// request a policy applies to: loops over arrays, nothing allocated.
/// </summary>
internal sealed class ValueSet<T>(Func<T, string?, bool> matches, T[] values, T[] notValues)
{
    public bool IsEmpty => values.Length == 0 && notValues.Length == 0;

    public bool Matches(string? attribute) =>
        (values.Length == 0 || Any(values, attribute)) && !Any(notValues, attribute);

    /// <summary>For an attribute with two spellings (a host with and without its port): either may match.</summary>
    public bool Matches(string? attribute, string? alternative) =>
        (values.Length == 0 || Any(values, attribute) || Any(values, alternative)) && !Any(notValues, attribute) && !Any(notValues, alternative);

    /// <summary>For multi-valued attributes (audiences, array claims): any of them may match.</summary>
    public bool Matches(IReadOnlyList<string?> attributes)
    {
        if (values.Length > 0 && !Any(values, attributes))
        {
            return false;
        }

        return !Any(notValues, attributes);
    }

    private bool Any(T[] set, string? attribute)
    {
        foreach (var value in set)
        {
            if (matches(value, attribute))
            {
                return true;
            }
        }

        return false;
    }

    private bool Any(T[] set, IReadOnlyList<string?> attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (Any(set, attributes[i]))
            {
                return true;
            }
        }

        return false;
    }
}
