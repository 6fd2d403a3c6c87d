using OrleansMesh.Silo.Dashboard;

namespace OrleansMesh.Dashboard.Tests.Dashboard;

public sealed class RequestGuardTests
{
    private static DefaultHttpContext Post(Action<HttpRequest>? change = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:15021");
        context.Request.ContentType = "application/json";
        context.Request.Headers[DashboardDefaults.CsrfHeader] = "1";
        context.Request.Headers.Origin = "http://127.0.0.1:15021";
        context.Request.Headers["Sec-Fetch-Site"] = "same-origin";
        change?.Invoke(context.Request);
        return context;
    }

    [Fact]
    public void Refusal_SameOriginPageRequest_None() => Assert.Null(RequestGuard.Refusal(Post().Request));

    [Fact]
    public void Refusal_WithoutDashboardHeader_Refused() =>
        Assert.Contains(DashboardDefaults.CsrfHeader, RequestGuard.Refusal(Post(r => r.Headers.Remove(DashboardDefaults.CsrfHeader)).Request), StringComparison.Ordinal);

    [Fact]
    public void Refusal_FormBody_Refused() =>
        Assert.Equal("actions take a JSON body", RequestGuard.Refusal(Post(r => r.ContentType = "application/x-www-form-urlencoded").Request));

    [Fact]
    public void Refusal_OtherOrigin_Refused() =>
        Assert.NotNull(RequestGuard.Refusal(Post(r => r.Headers.Origin = "http://evil.example").Request));

    [Fact]
    public void Refusal_CrossSiteFetch_Refused() =>
        Assert.NotNull(RequestGuard.Refusal(Post(r => r.Headers["Sec-Fetch-Site"] = "cross-site").Request));
}
