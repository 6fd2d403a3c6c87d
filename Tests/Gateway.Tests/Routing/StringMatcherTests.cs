using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class StringMatcherTests
{
    [Fact]
    public void IsMatch_ExactSameValue_Matches()
    {
        Assert.True(new StringMatcher(StringMatch.Exact("/productpage")).IsMatch("/productpage"));
    }

    [Fact]
    public void IsMatch_ExactLongerInput_DoesNotMatch()
    {
        Assert.False(new StringMatcher(StringMatch.Exact("/productpage")).IsMatch("/productpage/1"));
    }

    [Fact]
    public void IsMatch_ExactDifferentCase_DoesNotMatch()
    {
        Assert.False(new StringMatcher(StringMatch.Exact("/productpage")).IsMatch("/ProductPage"));
    }

    [Fact]
    public void IsMatch_PrefixOfInput_Matches()
    {
        Assert.True(new StringMatcher(StringMatch.Prefix("/static")).IsMatch("/static/css/app.css"));
    }

    [Fact]
    public void IsMatch_PrefixNotAtStart_DoesNotMatch()
    {
        Assert.False(new StringMatcher(StringMatch.Prefix("/static")).IsMatch("/api/static"));
    }

    [Fact]
    public void IsMatch_RegexCoveringWholeInput_Matches()
    {
        Assert.True(new StringMatcher(StringMatch.Regex("/v1/.*")).IsMatch("/v1/x"));
    }

    [Fact]
    public void IsMatch_RegexMatchingOnlyPartOfInput_DoesNotMatch()
    {
        // RE2 full match, as Envoy's safe_regex: a substring hit is not a match.
        Assert.False(new StringMatcher(StringMatch.Regex("v1")).IsMatch("/v1/x"));
    }

    [Fact]
    public void IsMatch_RegexAlternation_AnchorsEveryAlternative()
    {
        // Anchoring must wrap the alternation, or "/a|/b" would accept "/bogus".
        Assert.False(new StringMatcher(StringMatch.Regex("/a|/b")).IsMatch("/bogus"));
    }

    [Fact]
    public void IsMatch_RegexAgainstInputWithTrailingNewline_DoesNotMatch()
    {
        // ASP.NET Core decodes %0A in the path; RE2's full match still ends at the last character.
        Assert.False(new StringMatcher(StringMatch.Regex("/admin")).IsMatch("/admin\n"));
    }

    [Fact]
    public void IsMatch_ExactIgnoringCase_MatchesOtherCase()
    {
        Assert.True(new StringMatcher(StringMatch.Exact("/ProductPage"), ignoreCase: true).IsMatch("/productpage"));
    }

    [Fact]
    public void IsMatch_PrefixIgnoringCase_MatchesOtherCase()
    {
        Assert.True(new StringMatcher(StringMatch.Prefix("/Static"), ignoreCase: true).IsMatch("/STATIC/app.css"));
    }
}
