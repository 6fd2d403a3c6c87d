using OrleansMesh.Gateway.Security.Normalization;

namespace OrleansMesh.Gateway.Tests.Security;

public sealed class PathNormalizerTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/admin", "/admin")]
    [InlineData("/public/../admin", "/admin")]
    [InlineData("/public/./../admin", "/admin")]
    [InlineData("/./admin", "/admin")]
    [InlineData("/../../admin", "/admin")]
    [InlineData("//admin", "/admin")]
    [InlineData("/public//..//admin", "/admin")]
    [InlineData("/public/%2e%2e/admin", "/admin")]
    [InlineData("/public/%2E%2E/admin", "/admin")]
    [InlineData("/public/.%2e/admin", "/admin")]
    [InlineData("/public%2F..%2Fadmin", "/admin")]
    [InlineData("/public%2f..%2fadmin", "/admin")]
    [InlineData("/public%5C..%5Cadmin", "/admin")]
    [InlineData("/public\\..\\admin", "/admin")]
    [InlineData("/%61dmin", "/admin")]
    [InlineData("/admin/", "/admin/")]
    [InlineData("/admin/.", "/admin/")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/admin?x=/../y", "/admin")]
    [InlineData("/a%20b", "/a%20b")]
    [InlineData("/a%3fb", "/a%3Fb")]
    [InlineData("/a%252e%252e/admin", "/a%252e%252e/admin")]
    [InlineData("http://host.test/public/../admin?q", "/admin")]
    [InlineData("http://host.test", "/")]
    public void Normalize_Target_GivesIstioPath(string raw, string expected)
    {
        Assert.Equal(expected, PathNormalizer.Normalize(raw, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("/a%zz")]
    [InlineData("/a%2")]
    [InlineData("/a%")]
    [InlineData("/a%00b")]
    [InlineData("/a%0Ab")]
    [InlineData("/a%7F")]
    [InlineData("/a#frag")]
    [InlineData("/a\u0001b")]
    [InlineData("admin")]
    public void Normalize_UnsafeTarget_Refused(string raw)
    {
        Assert.Null(PathNormalizer.Normalize(raw, out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/v1/chat/completions")]
    [InlineData("/admin/")]
    [InlineData("/a.b/..c/.d?x=/../y")]
    [InlineData("/reviews/1?user=jason")]
    public void IsNormal_PathNormaliseKeeps_True(string raw)
    {
        Assert.True(PathNormalizer.IsNormal(raw));
        Assert.Equal(raw.Split('?')[0], PathNormalizer.Normalize(raw, out _));
    }

    [Theory]
    [InlineData("/public/../admin")]
    [InlineData("/./admin")]
    [InlineData("/admin/.")]
    [InlineData("/a/b/..")]
    [InlineData("//admin")]
    [InlineData("/a//b")]
    [InlineData("/%61dmin")]
    [InlineData("/a%20b")]
    [InlineData("/public\\admin")]
    [InlineData("/a#frag")]
    [InlineData("/a\u0001b")]
    [InlineData("http://host.test/admin")]
    [InlineData("admin")]
    [InlineData("")]
    public void IsNormal_PathNormaliseWouldChangeOrRefuse_False(string raw)
    {
        Assert.False(PathNormalizer.IsNormal(raw));
    }
}
