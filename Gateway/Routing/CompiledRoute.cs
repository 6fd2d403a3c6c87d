
namespace OrleansMesh.Gateway.Routing;

/// <summary>One <c>http[]</c> entry: its match conditions (OR) and its action.</summary>
internal sealed class CompiledRoute(string name, RequestMatch[] matches, RouteAction action)
{
    /// <summary>The route's name, e.g. <c>reviews.default.http[0]</c> or the route's own name.</summary>
    public string Name { get; } = name;

    public RouteAction Action { get; } = action;

    public IReadOnlyList<RequestMatch> Matches => matches;

    /// <summary>The index of the first match condition that holds (0 when the route has none), or -1.</summary>
    public int Match(HttpRequest request)
    {
        if (matches.Length == 0)
        {
            return 0;
        }

        for (var i = 0; i < matches.Length; i++)
        {
            if (matches[i].IsMatch(request))
            {
                return i;
            }
        }

        return -1;
    }
}
