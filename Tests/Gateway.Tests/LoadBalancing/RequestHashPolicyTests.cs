using System.Net;
using Microsoft.AspNetCore.Http.Features;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

public sealed class RequestHashPolicyTests
{
    private static readonly HttpCookieSettings s_cookie = new() { Name = "session", Path = "/v1", Ttl = TimeSpan.FromHours(1) };

    [Fact]
    public void Compute_Header_HashesItsValue()
    {
        var context = Request();
        context.Request.Headers["x-session"] = "alice";

        Assert.Equal(HashKeys.Hash("alice"), Policy(new() { HttpHeaderName = "x-session" }).Compute(context));
    }

    [Fact]
    public void Compute_HeaderAbsent_NoKey()
    {
        Assert.Null(Policy(new() { HttpHeaderName = "x-session" }).Compute(Request()));
    }

    [Fact]
    public void Compute_QueryParameter_HashesItsValue()
    {
        var context = Request();
        context.Request.QueryString = new QueryString("?user=bob&x=1");

        Assert.Equal(HashKeys.Hash("bob"), Policy(new() { HttpQueryParameterName = "user" }).Compute(context));
    }

    [Fact]
    public void Compute_SourceIp_SameAddressSameHashOtherAddressOther()
    {
        var policy = Policy(new() { UseSourceIp = true });
        var a = Request(IPAddress.Parse("127.0.0.1"));
        var mapped = Request(IPAddress.Parse("127.0.0.1").MapToIPv6());
        var b = Request(IPAddress.Parse("127.0.0.2"));

        Assert.NotNull(policy.Compute(a));
        Assert.Equal(policy.Compute(a), policy.Compute(mapped));
        Assert.NotEqual(policy.Compute(a), policy.Compute(b));
    }

    [Fact]
    public void Compute_SourceIp_IgnoresXForwardedFor()
    {
        var policy = Policy(new() { UseSourceIp = true });
        var forwarded = Request(IPAddress.Parse("127.0.0.1"));
        forwarded.Request.Headers["X-Forwarded-For"] = "127.0.0.9";

        Assert.Equal(policy.Compute(Request(IPAddress.Parse("127.0.0.1"))), policy.Compute(forwarded));
    }

    [Fact]
    public void Compute_CookiePresent_HashesItsValueAndSetsNone()
    {
        var (context, response) = RequestWithResponse();
        context.Request.Headers.Cookie = "other=1; session=abc";

        var hash = Policy(new() { HttpCookie = s_cookie }).Compute(context);

        Assert.Equal(HashKeys.Hash("abc"), hash);
        Assert.Empty(response.Starting);
    }

    [Fact]
    public void Compute_CookieAbsentWithTtl_GeneratesOneHashedAndSetOnTheResponse()
    {
        var (context, response) = RequestWithResponse();

        var hash = Policy(new() { HttpCookie = s_cookie }).Compute(context);
        response.Start();

        var setCookie = Assert.Single(context.Response.Headers.SetCookie)!;
        var value = setCookie[(setCookie.IndexOf('=') + 1)..setCookie.IndexOf(';')];
        Assert.Equal("; Max-Age=3600; Path=/v1; HttpOnly", setCookie[setCookie.IndexOf(';')..]);
        Assert.StartsWith("session=", setCookie);
        Assert.Equal(16, value.Length);
        Assert.Equal(HashKeys.Hash(value), hash);
    }

    [Fact]
    public void Compute_CookieAbsentWithZeroTtl_SetsASessionCookieWithAttributes()
    {
        var (context, response) = RequestWithResponse();
        var cookie = new HttpCookieSettings { Name = "s", Ttl = TimeSpan.Zero, Attributes = [new() { Name = "SameSite", Value = "Strict" }, new() { Name = "Secure" }] };

        Policy(new() { HttpCookie = cookie }).Compute(context);
        response.Start();

        var setCookie = Assert.Single(context.Response.Headers.SetCookie)!;
        Assert.EndsWith("; SameSite=Strict; Secure; HttpOnly", setCookie);
        Assert.DoesNotContain("Max-Age", setCookie);
    }

    [Fact]
    public void Compute_CookieAbsentWithoutTtl_NoKeyAndNoCookie()
    {
        var (context, response) = RequestWithResponse();

        Assert.Null(Policy(new() { HttpCookie = s_cookie with { Ttl = null } }).Compute(context));
        Assert.Empty(response.Starting);
    }

    private static RequestHashPolicy Policy(ConsistentHashSettings settings) => new(settings, new Random(7));

    private static DefaultHttpContext Request(IPAddress? remote = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        return context;
    }

    private static (DefaultHttpContext Context, StartableResponse Response) RequestWithResponse()
    {
        var context = new DefaultHttpContext();
        var response = new StartableResponse();
        context.Features.Set<IHttpResponseFeature>(response);
        return (context, response);
    }

    /// <summary>ASP.NET's plain response feature, with its OnStarting callbacks kept and run as a server would.</summary>
    private sealed class StartableResponse : HttpResponseFeature
    {
        public List<(Func<object, Task> Callback, object State)> Starting { get; } = [];

        public override void OnStarting(Func<object, Task> callback, object state) => Starting.Add((callback, state));

        public void Start()
        {
            foreach (var (callback, state) in Enumerable.Reverse(Starting))
            {
                callback(state).GetAwaiter().GetResult();
            }
        }
    }
}
