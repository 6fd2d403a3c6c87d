namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// One field of a source, operation or condition with its <c>not…</c> form: the attribute must match one of
/// <c>values</c> (when set) and none of <c>notValues</c>. An absent attribute matches no value.
/// </summary>
internal sealed class ValueSet<T>(Func<T, string?, bool> matches, T[] values, T[] notValues)
{
    public bool IsEmpty => values.Length == 0 && notValues.Length == 0;

    public bool Matches(string? attribute) => Matches([attribute]);

    /// <summary>For multi-valued attributes (audiences, array claims): any of them may match.</summary>
    public bool Matches(IReadOnlyList<string?> attributes)
    {
        if (values.Length > 0 && !values.Any(v => attributes.Any(a => matches(v, a))))
        {
            return false;
        }

        return !notValues.Any(v => attributes.Any(a => matches(v, a)));
    }
}
