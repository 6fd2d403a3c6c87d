using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;
using OrleansMesh.Silo.Dashboard;

namespace OrleansMesh.Dashboard.Tests.Dashboard;

public sealed class AdminSessionTests
{
    private const string Token = "0123456789abcdef0123456789abcdef";
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void SignIn_RightToken_CookieThatIsNotTheTokenAndSignsIn()
    {
        var session = new AdminSession(Token, _time);
        var signIn = new DefaultHttpContext();

        Assert.True(session.SignIn(signIn, Token));

        var cookie = SetCookieHeaderValue.Parse(signIn.Response.Headers.SetCookie.ToString());
        Assert.Equal((true, Microsoft.Net.Http.Headers.SameSiteMode.Strict, "/dashboard"), (cookie.HttpOnly, cookie.SameSite, cookie.Path.ToString()));
        Assert.DoesNotContain(Token, cookie.Value.ToString(), StringComparison.Ordinal);
        Assert.True(session.IsSignedIn(WithCookie(cookie.Value.ToString())));
    }

    [Fact]
    public void SignIn_WrongToken_NoCookie()
    {
        var session = new AdminSession(Token, _time);
        var signIn = new DefaultHttpContext();

        Assert.False(session.SignIn(signIn, "0123456789abcdef0123456789abcdeX"));
        Assert.Empty(signIn.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public void IsSignedIn_CookieOfAnotherSilo_False()
    {
        var signIn = new DefaultHttpContext();
        new AdminSession(Token, _time).SignIn(signIn, Token);
        var value = SetCookieHeaderValue.Parse(signIn.Response.Headers.SetCookie.ToString()).Value.ToString();

        Assert.False(new AdminSession(Token, _time).IsSignedIn(WithCookie(value)));
    }

    [Fact]
    public void IsSignedIn_AfterSessionLifetime_False()
    {
        var session = new AdminSession(Token, _time);
        var signIn = new DefaultHttpContext();
        session.SignIn(signIn, Token);
        var value = SetCookieHeaderValue.Parse(signIn.Response.Headers.SetCookie.ToString()).Value.ToString();

        _time.Advance(DashboardDefaults.SessionLifetime + TimeSpan.FromSeconds(1));

        Assert.False(session.IsSignedIn(WithCookie(value)));
    }

    [Fact]
    public void MayAct_NoTokenConfigured_True() => Assert.True(new AdminSession(null, _time).MayAct(new DefaultHttpContext()));

    private static DefaultHttpContext WithCookie(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{DashboardDefaults.SessionCookie}={value}";
        return context;
    }
}
