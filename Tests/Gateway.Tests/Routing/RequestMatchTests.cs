using System.Collections.Immutable;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Routing;

public sealed class RequestMatchTests
{
    [Fact]
    public void IsMatch_UriMethodAndHeaderAllHold_Matches()
    {
        var request = Requests.Get("/ratings/1");
        request.Method = HttpMethods.Post;
        request.Headers["end-user"] = "jason";

        Assert.True(UriMethodAndHeader().IsMatch(request));
    }

    [Theory]
    [InlineData("/reviews/1", "POST", "jason")]
    [InlineData("/ratings/1", "GET", "jason")]
    [InlineData("/ratings/1", "POST", "alice")]
    public void IsMatch_OneOfUriMethodAndHeaderFails_DoesNotMatch(string path, string method, string user)
    {
        var request = Requests.Get(path);
        request.Method = method;
        request.Headers["end-user"] = user;

        Assert.False(UriMethodAndHeader().IsMatch(request));
    }

    [Fact]
    public void IsMatch_NoConditions_MatchesAnyRequest()
    {
        Assert.True(new RequestMatch(new HttpMatchRequest()).IsMatch(Requests.Get("/anything")));
    }

    [Fact]
    public void IsMatch_IgnoreUriCaseWithExact_MatchesOtherCase()
    {
        var match = new RequestMatch(new HttpMatchRequest { Uri = StringMatch.Exact("/ProductPage"), IgnoreUriCase = true });

        Assert.True(match.IsMatch(Requests.Get("/PRODUCTPAGE")));
    }

    [Fact]
    public void IsMatch_IgnoreUriCaseWithPrefix_MatchesOtherCase()
    {
        var match = new RequestMatch(new HttpMatchRequest { Uri = StringMatch.Prefix("/static"), IgnoreUriCase = true });

        Assert.True(match.IsMatch(Requests.Get("/Static/app.css")));
    }

    [Fact]
    public void IsMatch_IgnoreUriCaseWithRegex_StaysCaseSensitive()
    {
        // Istio: ignoreUriCase applies to exact and prefix only; Envoy ignores case_sensitive for safe_regex.
        var match = new RequestMatch(new HttpMatchRequest { Uri = StringMatch.Regex("/static/.*"), IgnoreUriCase = true });

        Assert.False(match.IsMatch(Requests.Get("/STATIC/app.css")));
    }

    [Fact]
    public void IsMatch_HeaderExact_MatchesEqualValue()
    {
        var request = Requests.Get("/");
        request.Headers["end-user"] = "jason";

        Assert.True(Header("end-user", StringMatch.Exact("jason")).IsMatch(request));
    }

    [Fact]
    public void IsMatch_HeaderPrefix_MatchesValueStartingWithIt()
    {
        var request = Requests.Get("/");
        request.Headers["user-agent"] = "Mozilla/5.0 (X11)";

        Assert.True(Header("user-agent", StringMatch.Prefix("Mozilla")).IsMatch(request));
    }

    [Fact]
    public void IsMatch_HeaderRegex_MatchesWholeValue()
    {
        var request = Requests.Get("/");
        request.Headers["cookie"] = "session=1;user=jason";

        Assert.True(Header("cookie", StringMatch.Regex("^(.*?;)?(user=jason)(;.*)?$")).IsMatch(request));
    }

    // Istio pilot/pkg/networking/core/route/route.go translateHeaderMatch / canBeConvertedToPresentMatch: an empty
    // StringMatch ({}) is Envoy's present_match; in withoutHeaders, inverted (the header is absent).
    [Theory]
    [InlineData("v2", true)]
    [InlineData("", true)]
    [InlineData(null, false)]
    public void IsMatch_HeaderPresence_MatchesAnyValueOfAPresentHeader(string? value, bool matches)
    {
        var request = Requests.Get("/");
        if (value is not null)
        {
            request.Headers["x-canary"] = value;
        }

        Assert.Equal(matches, Header("x-canary", StringMatch.Present()).IsMatch(request));
    }

    [Theory]
    [InlineData("v2", false)]
    [InlineData(null, true)]
    public void IsMatch_WithoutHeaderPresence_MatchesOnlyWhenHeaderAbsent(string? value, bool matches)
    {
        var request = Requests.Get("/");
        if (value is not null)
        {
            request.Headers["x-canary"] = value;
        }

        Assert.Equal(matches, WithoutHeader("x-canary", StringMatch.Present()).IsMatch(request));
    }

    [Theory]
    [InlineData("?debug=1", true)]
    [InlineData("?other=1", false)]
    public void IsMatch_QueryParamPresence_MatchesWhenParameterPresent(string query, bool matches)
    {
        Assert.Equal(matches, Query("debug", StringMatch.Present()).IsMatch(Requests.Get("/", query: query)));
    }

    [Fact]
    public void IsMatch_HeaderRegexMatchingPartOfValue_DoesNotMatch()
    {
        var request = Requests.Get("/");
        request.Headers["x-model"] = "llama-3-70b";

        Assert.False(Header("x-model", StringMatch.Regex("llama")).IsMatch(request));
    }

    [Fact]
    public void IsMatch_HeaderNameInOtherCase_Matches()
    {
        var request = Requests.Get("/");
        request.Headers["End-User"] = "jason";

        Assert.True(Header("end-user", StringMatch.Exact("jason")).IsMatch(request));
    }

    [Fact]
    public void IsMatch_HeaderMissing_DoesNotMatch()
    {
        Assert.False(Header("end-user", StringMatch.Prefix("")).IsMatch(Requests.Get("/")));
    }

    [Fact]
    public void IsMatch_RepeatedHeader_MatchesValuesJoinedByComma()
    {
        var request = Requests.Get("/");
        request.Headers.Append("x-tag", "a");
        request.Headers.Append("x-tag", "b");

        Assert.True(Header("x-tag", StringMatch.Exact("a,b")).IsMatch(request));
    }

    [Fact]
    public void IsMatch_WithoutHeadersAndHeaderAbsent_Matches()
    {
        Assert.True(WithoutHeader("x-canary", StringMatch.Exact("true")).IsMatch(Requests.Get("/")));
    }

    [Fact]
    public void IsMatch_WithoutHeadersAndHeaderMatching_DoesNotMatch()
    {
        var request = Requests.Get("/");
        request.Headers["x-canary"] = "true";

        Assert.False(WithoutHeader("x-canary", StringMatch.Exact("true")).IsMatch(request));
    }

    [Fact]
    public void IsMatch_WithoutHeadersAndHeaderPresentWithOtherValue_Matches()
    {
        var request = Requests.Get("/");
        request.Headers["x-canary"] = "false";

        Assert.True(WithoutHeader("x-canary", StringMatch.Exact("true")).IsMatch(request));
    }

    [Fact]
    public void IsMatch_QueryParamExact_MatchesEqualValue()
    {
        var match = Query("version", StringMatch.Exact("v2"));

        Assert.True(match.IsMatch(Requests.Get("/", query: "?version=v2&x=1")));
    }

    [Fact]
    public void IsMatch_QueryParamExactWithOtherValue_DoesNotMatch()
    {
        var match = Query("version", StringMatch.Exact("v2"));

        Assert.False(match.IsMatch(Requests.Get("/", query: "?version=v20")));
    }

    [Fact]
    public void IsMatch_QueryParamRegex_MatchesWholeValue()
    {
        var match = Query("version", StringMatch.Regex("v[0-9]+"));

        Assert.True(match.IsMatch(Requests.Get("/", query: "?version=v12")));
    }

    [Fact]
    public void IsMatch_QueryParamMissing_DoesNotMatch()
    {
        var match = Query("version", StringMatch.Regex(".*"));

        Assert.False(match.IsMatch(Requests.Get("/", query: "?other=v1")));
    }

    [Fact]
    public void IsMatch_AuthorityExact_ComparesHostHeaderWithPort()
    {
        var match = new RequestMatch(new HttpMatchRequest { Authority = StringMatch.Exact("bookinfo.com:8080") });

        Assert.True(match.IsMatch(Requests.Get("/", host: "bookinfo.com:8080")));
    }

    [Fact]
    public void IsMatch_AuthorityOfOtherHost_DoesNotMatch()
    {
        var match = new RequestMatch(new HttpMatchRequest { Authority = StringMatch.Prefix("bookinfo.com") });

        Assert.False(match.IsMatch(Requests.Get("/", host: "reviews:9080")));
    }

    [Fact]
    public void IsMatch_SchemeExact_MatchesRequestScheme()
    {
        var match = new RequestMatch(new HttpMatchRequest { Scheme = StringMatch.Exact("https") });
        var request = Requests.Get("/");
        request.Scheme = "https";

        Assert.True(match.IsMatch(request));
    }

    [Fact]
    public void IsMatch_SchemeOfOtherValue_DoesNotMatch()
    {
        var match = new RequestMatch(new HttpMatchRequest { Scheme = StringMatch.Exact("https") });

        Assert.False(match.IsMatch(Requests.Get("/")));
    }

    [Fact]
    public void IsMatch_PortOfListener_Matches()
    {
        var match = new RequestMatch(new HttpMatchRequest { Port = 8080 });

        Assert.True(match.IsMatch(Requests.Get("/")));
    }

    [Fact]
    public void IsMatch_PortOfOtherListener_DoesNotMatch()
    {
        var match = new RequestMatch(new HttpMatchRequest { Port = 9090 });

        Assert.False(match.IsMatch(Requests.Get("/")));
    }

    [Fact]
    public void UriPrefix_PrefixMatch_IsThePrefix()
    {
        Assert.Equal("/api/v1", new RequestMatch(new HttpMatchRequest { Uri = StringMatch.Prefix("/api/v1") }).UriPrefix);
    }

    [Theory]
    [InlineData(StringMatchKind.Exact)]
    [InlineData(StringMatchKind.Regex)]
    public void UriPrefix_NonPrefixMatch_IsNull(StringMatchKind kind)
    {
        var match = new RequestMatch(new HttpMatchRequest { Uri = new StringMatch { Kind = kind, Value = "/api/v1" } });

        Assert.Null(match.UriPrefix);
    }

    [Fact]
    public void UriPrefix_NoUriCondition_IsNull()
    {
        Assert.Null(new RequestMatch(new HttpMatchRequest { Method = StringMatch.Exact("GET") }).UriPrefix);
    }

    private static RequestMatch UriMethodAndHeader() => new(new HttpMatchRequest
    {
        Uri = StringMatch.Prefix("/ratings"),
        Method = StringMatch.Exact("POST"),
        Headers = ImmutableDictionary<string, StringMatch>.Empty.Add("end-user", StringMatch.Exact("jason")),
    });

    private static RequestMatch Header(string name, StringMatch value) =>
        new(new HttpMatchRequest { Headers = ImmutableDictionary<string, StringMatch>.Empty.Add(name, value) });

    private static RequestMatch WithoutHeader(string name, StringMatch value) =>
        new(new HttpMatchRequest { WithoutHeaders = ImmutableDictionary<string, StringMatch>.Empty.Add(name, value) });

    private static RequestMatch Query(string name, StringMatch value) =>
        new(new HttpMatchRequest { QueryParams = ImmutableDictionary<string, StringMatch>.Empty.Add(name, value) });
}
