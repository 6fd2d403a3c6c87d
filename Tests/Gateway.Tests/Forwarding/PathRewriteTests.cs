using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Forwarding;

public sealed class PathRewriteTests
{
    [Fact]
    public void Apply_PrefixMatch_ReplacesOnlyThePrefix()
    {
        var rewrite = PathRewrite.Create(new HttpRewrite { Uri = "/v2" }, matchedPrefix: "/api/v1");

        Assert.Equal("/v2/products/1", rewrite?.Apply("/api/v1/products/1"));
    }

    [Fact]
    public void Apply_PrefixMatchOnWholePath_GivesTheRewrite()
    {
        var rewrite = PathRewrite.Create(new HttpRewrite { Uri = "/v2" }, matchedPrefix: "/api/v1");

        Assert.Equal("/v2", rewrite?.Apply("/api/v1"));
    }

    [Fact]
    public void Apply_PrefixMatchedIgnoringCase_ReplacesThePrefix()
    {
        var rewrite = PathRewrite.Create(new HttpRewrite { Uri = "/v2" }, matchedPrefix: "/api/v1");

        Assert.Equal("/v2/products", rewrite?.Apply("/API/V1/products"));
    }

    [Fact]
    public void Apply_ExactMatch_ReplacesTheWholePath()
    {
        var rewrite = PathRewrite.Create(new HttpRewrite { Uri = "/new/path" }, matchedPrefix: null);

        Assert.Equal("/new/path", rewrite?.Apply("/foo"));
    }

    [Fact]
    public void Apply_RegexRewrite_SubstitutesGroupReferences()
    {
        var regex = new RegexRewrite { Match = "^/service/([^/]+)(/.*)$", Rewrite = @"\2/instance/\1" };
        var rewrite = PathRewrite.Create(new HttpRewrite { UriRegexRewrite = regex }, matchedPrefix: null);

        Assert.Equal("/v1/api/instance/foo", rewrite?.Apply("/service/foo/v1/api"));
    }

    [Fact]
    public void Apply_RegexRewriteWithDollar_KeepsItLiteral()
    {
        var regex = new RegexRewrite { Match = "^/price/(.*)$", Rewrite = @"/cost$/\1" };
        var rewrite = PathRewrite.Create(new HttpRewrite { UriRegexRewrite = regex }, matchedPrefix: null);

        Assert.Equal("/cost$/usd", rewrite?.Apply("/price/usd"));
    }

    [Fact]
    public void Apply_RegexRewriteAndUri_RegexWins()
    {
        var regex = new RegexRewrite { Match = "^/a/(.*)$", Rewrite = @"/b/\1" };
        var rewrite = PathRewrite.Create(new HttpRewrite { Uri = "/ignored", UriRegexRewrite = regex }, matchedPrefix: "/a");

        Assert.Equal("/b/x", rewrite?.Apply("/a/x"));
    }

    [Fact]
    public void Create_NoRewrite_IsNull()
    {
        Assert.Null(PathRewrite.Create(null, "/api"));
    }

    [Fact]
    public void Create_AuthorityRewriteOnly_IsNull()
    {
        Assert.Null(PathRewrite.Create(new HttpRewrite { Authority = "reviews.v2" }, "/api"));
    }
}
