using System.Collections.Immutable;
using System.Text;
using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Forwarding;

public sealed class HeaderEditsTests
{
    [Fact]
    public void Apply_SetOnRequest_ReplacesExistingValues()
    {
        using var request = Request(("x-model", "small"), ("x-model", "medium"));

        Edits(set: ("x-model", "large")).Apply(request);

        Assert.Equal(["large"], request.Headers.GetValues("x-model"));
    }

    [Fact]
    public void Apply_AddOnRequest_AppendsToExistingValues()
    {
        using var request = Request(("x-tag", "a"));

        Edits(add: ("x-tag", "b")).Apply(request);

        Assert.Equal(["a", "b"], request.Headers.GetValues("x-tag"));
    }

    [Fact]
    public void Apply_RemoveOnRequest_RemovesTheHeader()
    {
        using var request = Request(("x-debug", "1"));

        Edits(remove: "x-debug").Apply(request);

        Assert.False(request.Headers.Contains("x-debug"));
    }

    [Fact]
    public void Apply_SetContentHeaderOnRequest_ReplacesItOnTheContent()
    {
        using var request = Request();
        request.Content = new StringContent("{}", Encoding.UTF8, "text/plain");

        Edits(set: ("Content-Type", "application/json")).Apply(request);

        Assert.Equal("application/json", request.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public void Apply_RemoveContentHeaderOnRequest_RemovesItFromTheContent()
    {
        using var request = Request();
        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        Edits(remove: "Content-Type").Apply(request);

        Assert.Null(request.Content.Headers.ContentType);
    }

    [Fact]
    public void Apply_SetAuthorizationOnRequestWithBody_ReplacesIt()
    {
        // An inference POST carries a body; the request header must still be set on the request, not the content.
        using var request = Request(("Authorization", "Bearer client"));
        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        Edits(set: ("Authorization", "Bearer upstream")).Apply(request);

        Assert.Equal("Bearer upstream", request.Headers.Authorization?.ToString());
    }

    [Fact]
    public void Apply_RouteAndDestinationEdits_AppliesBoth()
    {
        using var request = Request();
        var route = new HeaderMutation { Set = ImmutableDictionary<string, string>.Empty.Add("x-route", "1") };
        var destination = new HeaderMutation { Set = ImmutableDictionary<string, string>.Empty.Add("x-destination", "2") };

        HeaderEdits.Create(route, destination)!.Apply(request);

        Assert.Equal(("1", "2"), (request.Headers.GetValues("x-route").Single(), request.Headers.GetValues("x-destination").Single()));
    }

    [Fact]
    public void Apply_SetOnResponse_ReplacesExistingValues()
    {
        var headers = new HeaderDictionary { ["x-served-by"] = new(["a", "b"]) };

        Edits(set: ("x-served-by", "gateway")).Apply(headers);

        Assert.Equal(new[] { "gateway" }, headers["x-served-by"].OfType<string>());
    }

    [Fact]
    public void Apply_AddOnResponse_AppendsToExistingValues()
    {
        var headers = new HeaderDictionary { ["x-tag"] = "a" };

        Edits(add: ("x-tag", "b")).Apply(headers);

        Assert.Equal(new[] { "a", "b" }, headers["x-tag"].OfType<string>());
    }

    [Fact]
    public void Apply_RemoveOnResponse_RemovesTheHeader()
    {
        var headers = new HeaderDictionary { ["server"] = "kestrel" };

        Edits(remove: "server").Apply(headers);

        Assert.False(headers.ContainsKey("server"));
    }

    [Fact]
    public void Create_NoMutations_IsNull()
    {
        Assert.Null(HeaderEdits.Create(null, new HeaderMutation()));
    }

    private static HttpRequestMessage Request(params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9080/");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static HeaderEdits Edits((string Name, string Value)? set = null, (string Name, string Value)? add = null, string? remove = null)
    {
        var mutation = new HeaderMutation
        {
            Set = set is { } s ? ImmutableDictionary<string, string>.Empty.Add(s.Name, s.Value) : ImmutableDictionary<string, string>.Empty,
            Add = add is { } a ? ImmutableDictionary<string, string>.Empty.Add(a.Name, a.Value) : ImmutableDictionary<string, string>.Empty,
            Remove = remove is null ? [] : [remove],
        };
        return HeaderEdits.Create(mutation)!;
    }
}
