
namespace OrleansMesh.Gateway.Routing;

/// <summary>One header condition of a match: the header must be present and match.</summary>
internal sealed class HeaderCondition(string name, StringMatcher matcher)
{
    public string Name { get; } = name;

    public bool IsMatch(IHeaderDictionary headers)
    {
        // A header sent with an empty value is present, as in Envoy; only a missing header fails.
        if (!headers.TryGetValue(Name, out var values) || values.Count == 0)
        {
            return false;
        }

        // Envoy matches a repeated header against its values joined by commas.
        return values.Count == 1 ? matcher.IsMatch(values[0]) : matcher.IsMatch(values.ToString());
    }
}
