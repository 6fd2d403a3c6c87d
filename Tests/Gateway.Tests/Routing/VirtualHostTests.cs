using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class VirtualHostTests
{
    [Fact]
    public void Route_TwoRoutesMatch_ReturnsTheFirstInOrder()
    {
        var host = new VirtualHost("reviews", [Route("first", StringMatch.Prefix("/")), Route("second", StringMatch.Prefix("/reviews"))]);

        Assert.Equal("first", host.Route(Requests.Get("/reviews/1"), out _)?.Name);
    }

    [Fact]
    public void Route_OnlyLaterRouteMatches_ReturnsIt()
    {
        var host = new VirtualHost("reviews", [Route("first", StringMatch.Exact("/health")), Route("second", StringMatch.Prefix("/reviews"))]);

        Assert.Equal("second", host.Route(Requests.Get("/reviews/1"), out _)?.Name);
    }

    [Fact]
    public void Route_MatchedBySecondCondition_ReportsItsIndex()
    {
        var host = new VirtualHost("reviews", [Route("only", StringMatch.Exact("/health"), StringMatch.Prefix("/reviews"))]);

        host.Route(Requests.Get("/reviews/1"), out var matchIndex);

        Assert.Equal(1, matchIndex);
    }

    [Fact]
    public void Route_CatchAllAfterSpecificRoute_TakesTheRest()
    {
        var host = new VirtualHost("reviews", [Route("specific", StringMatch.Exact("/health")), Route("rest")]);

        Assert.Equal("rest", host.Route(Requests.Get("/reviews/1"), out _)?.Name);
    }

    [Fact]
    public void Route_NoRouteMatches_ReturnsNullAndMinusOne()
    {
        var host = new VirtualHost("reviews", [Route("specific", StringMatch.Exact("/health"))]);

        var route = host.Route(Requests.Get("/reviews/1"), out var matchIndex);

        Assert.Null(route);
        Assert.Equal(-1, matchIndex);
    }

    private static CompiledRoute Route(string name, params StringMatch[] uris) =>
        new(name, [.. uris.Select(u => new RequestMatch(new HttpMatchRequest { Uri = u }))], new DirectResponseAction(200, null));
}
