using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class RedirectActionTests
{
    [Fact]
    public void Location_Uri_ReplacesPathAndKeepsHostPortAndQuery()
    {
        var request = Requests.Get("/v1/getProductRatings", host: "ratings:8080", query: "?id=1");

        Assert.Equal("http://ratings:8080/v1/bookRatings?id=1", Location(new HttpRedirect { Uri = "/v1/bookRatings" }, request));
    }

    [Fact]
    public void Location_UriWithQuery_ReplacesTheRequestQuery()
    {
        var request = Requests.Get("/old", host: "ratings:8080", query: "?id=1");

        Assert.Equal("http://ratings:8080/new?v=2", Location(new HttpRedirect { Uri = "/new?v=2" }, request));
    }

    [Fact]
    public void Location_Authority_ReplacesHostAndItsPort()
    {
        var request = Requests.Get("/v1/getProductRatings", host: "ratings:8080", query: "?id=1");

        var location = Location(new HttpRedirect { Authority = "newratings.default.svc.cluster.local" }, request);

        Assert.Equal("http://newratings.default.svc.cluster.local/v1/getProductRatings?id=1", location);
    }

    [Fact]
    public void Location_Scheme_ReplacesScheme()
    {
        var request = Requests.Get("/login", host: "bookinfo.com");

        Assert.Equal("https://bookinfo.com/login", Location(new HttpRedirect { Scheme = "https" }, request));
    }

    [Fact]
    public void Location_SchemeFromHttpOnPort80_DropsTheOldDefaultPort()
    {
        var request = Requests.Get("/login", host: "bookinfo.com:80");

        Assert.Equal("https://bookinfo.com/login", Location(new HttpRedirect { Scheme = "https" }, request));
    }

    [Fact]
    public void Location_SchemeWithNonDefaultRequestPort_KeepsThePort()
    {
        // Envoy (RouteEntryImplBase::processRequestHost) strips the request's port on a scheme change only when
        // it is the old scheme's default (:80 for http, :443 for https); any other port stays in the Location.
        var request = Requests.Get("/login", host: "bookinfo.com:8080");

        Assert.Equal("https://bookinfo.com:8080/login", Location(new HttpRedirect { Scheme = "https" }, request));
    }

    [Fact]
    public void Location_Port_ReplacesThePort()
    {
        var request = Requests.Get("/login", host: "bookinfo.com:8080");

        Assert.Equal("http://bookinfo.com:9443/login", Location(new HttpRedirect { Port = 9443 }, request));
    }

    [Fact]
    public void Location_AuthorityAndPort_UsesBoth()
    {
        var request = Requests.Get("/login", host: "bookinfo.com:8080");

        Assert.Equal("http://auth.example.com:9443/login", Location(new HttpRedirect { Authority = "auth.example.com", Port = 9443 }, request));
    }

    [Fact]
    public void Location_PortThatIsTheSchemeDefault_IsLeftOut()
    {
        var request = Requests.Get("/login", host: "bookinfo.com:8080");

        Assert.Equal("https://bookinfo.com/login", Location(new HttpRedirect { Scheme = "https", Port = 443 }, request));
    }

    [Fact]
    public void Location_DerivePortFromRequestPort_UsesTheListenerPort()
    {
        // Istio's "redirect port and scheme" case: the port the request came in on, even when it is not https's default.
        var request = Requests.Get("/foo", host: "bookinfo.com");

        Assert.Equal("https://bookinfo.com:8080/foo", Location(new HttpRedirect { Scheme = "https", DerivePort = "FROM_REQUEST_PORT" }, request));
    }

    [Fact]
    public void Location_NoPortAnywhere_HasNoPort()
    {
        var request = Requests.Get("/foo", host: "bookinfo.com");

        Assert.Equal("http://bookinfo.com/bar", Location(new HttpRedirect { Uri = "/bar" }, request));
    }

    [Fact]
    public void StatusCode_NotSet_Is301()
    {
        Assert.Equal(301, new RedirectAction(new HttpRedirect { Uri = "/bar" }).StatusCode);
    }

    private static string Location(HttpRedirect redirect, HttpRequest request) => new RedirectAction(redirect).Location(request);
}
