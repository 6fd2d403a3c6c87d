
namespace OrleansMesh.Gateway.Routing;

/// <summary>One query-parameter condition of a match.</summary>
internal sealed class QueryCondition(string name, StringMatcher matcher)
{
    public bool IsMatch(IQueryCollection query)
        => query.TryGetValue(name, out var values) && values.Count > 0 && matcher.IsMatch(values[0]);
}
