using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Routing;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class RegexCacheTests
{
    [Fact]
    public void Get_SamePatternTwice_ReturnsTheSameRegex()
    {
        var cache = new RegexCache();

        Assert.Same(cache.Get("^/v1/.*$"), cache.Get("^/v1/.*$"));
    }

    [Fact]
    public void RetainUsed_PatternNotAskedForSinceLastRetain_IsDropped()
    {
        var cache = new RegexCache();
        var kept = cache.Get("^/kept$");
        cache.Get("^/dropped$");
        cache.RetainUsed();

        cache.Get("^/kept$");
        cache.RetainUsed();

        Assert.Equal(1, cache.Count);
        Assert.Same(kept, cache.Get("^/kept$"));
    }

    [Fact]
    public void RegexCreatedByCache_IsFullMatchOnlyThroughTheMatcherAnchors()
    {
        var cache = new RegexCache();
        var matcher = new StringMatcher(Networking.StringMatch.Regex("/v[0-9]+/.*"), regexes: cache);

        Assert.True(matcher.IsMatch("/v1/chat"));
        Assert.False(matcher.IsMatch("x/v1/chat"));
        Assert.Equal(1, cache.Count);
    }
}
