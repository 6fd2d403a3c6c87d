using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class CompiledRouteTests
{
    [Fact]
    public void Match_SecondConditionHolds_ReturnsItsIndex()
    {
        var route = Route(StringMatch.Exact("/productpage"), StringMatch.Prefix("/static"));

        Assert.Equal(1, route.Match(Requests.Get("/static/app.css")));
    }

    [Fact]
    public void Match_BothConditionsHold_ReturnsTheFirst()
    {
        var route = Route(StringMatch.Prefix("/api"), StringMatch.Prefix("/api/v1"));

        Assert.Equal(0, route.Match(Requests.Get("/api/v1/products")));
    }

    [Fact]
    public void Match_NoConditionHolds_ReturnsMinusOne()
    {
        var route = Route(StringMatch.Exact("/productpage"), StringMatch.Prefix("/static"));

        Assert.Equal(-1, route.Match(Requests.Get("/nothing")));
    }

    [Fact]
    public void Match_RouteWithoutConditions_CatchesAll()
    {
        var route = new CompiledRoute("catch-all", [], new DirectResponseAction(200, null));

        Assert.Equal(0, route.Match(Requests.Get("/whatever/it/is")));
    }

    private static CompiledRoute Route(params StringMatch[] uris) =>
        new("r", [.. uris.Select(u => new RequestMatch(new HttpMatchRequest { Uri = u }))], new DirectResponseAction(200, null));
}
