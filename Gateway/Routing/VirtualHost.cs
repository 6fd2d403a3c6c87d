
namespace OrleansMesh.Gateway.Routing;

/// <summary>The routes of one host, in order: the first that matches wins.</summary>
internal sealed class VirtualHost(string name, CompiledRoute[] routes)
{
    /// <summary>The host pattern, e.g. <c>reviews</c>, <c>*.example.com</c> or <c>*</c>.</summary>
    public string Name { get; } = name;

    public IReadOnlyList<CompiledRoute> Routes => routes;

    public CompiledRoute? Route(HttpRequest request, out int matchIndex)
    {
        foreach (var route in routes)
        {
            matchIndex = route.Match(request);
            if (matchIndex >= 0)
            {
                return route;
            }
        }

        matchIndex = -1;
        return null;
    }
}
