using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class TokenRateLimitConfigTests
{
    // Routes start on line 9: the tokenRateLimit block on line 13, its first field on line 14.
    private static string Route(string fields) =>
        Yaml.Http("- route:\n  - destination:\n      host: reviews\n  x-orleansmesh:\n    tokenRateLimit:\n      " + fields.Replace("\n", "\n      ", StringComparison.Ordinal));

    private static TokenRateLimitSettings? Load(string fields) =>
        ((VirtualService)LoadAssert.Clean(Route(fields)).Resources[0].Resource).Spec.Http[0].Mesh!.TokenRateLimit;

    [Fact]
    public void Load_EveryField_Read()
    {
        var limit = Load("tokensPerUnit: 3000\nunit: HOUR\nburst: 5000\nkey:\n  header: x-tenant-id\nestimate:\n  defaultOutputTokens: 64");

        Assert.Equal(
            new TokenRateLimitSettings
            {
                TokensPerUnit = 3000,
                Unit = RateLimitUnit.Hour,
                Burst = 5000,
                Key = new RateLimitKey { Header = "x-tenant-id" },
                Estimate = new TokenEstimateSettings { DefaultOutputTokens = 64 },
            },
            limit);
    }

    [Fact]
    public void Load_OnlyTokensPerUnit_PerMinuteWithDocumentedDefaults()
    {
        var limit = Load("tokensPerUnit: 3000")!;

        Assert.Equal(RateLimitUnit.Minute, limit.Unit);
        Assert.Equal(3000, limit.Capacity);
        Assert.Null(limit.Key);
        Assert.Equal(256, limit.Estimate.DefaultOutputTokens);
    }

    [Fact]
    public void Load_ClaimKey_Read()
    {
        Assert.Equal(new RateLimitKey { Claim = "sub" }, Load("tokensPerUnit: 10\nkey: {claim: sub}")!.Key);
    }

    [Theory]
    [InlineData("tokensPerUnit: 0", "must be at least 1, got 0", "tokensPerUnit", 14)]
    [InlineData("unit: MINUTE", "must be at least 1, got 0", "tokensPerUnit", 13)]
    [InlineData("tokensPerUnit: 10\nburst: 0", "must be at least 1, got 0", "burst", 15)]
    [InlineData("tokensPerUnit: 10\nestimate: {defaultOutputTokens: 0}", "must be at least 1, got 0", "estimate.defaultOutputTokens", 15)]
    [InlineData("tokensPerUnit: 10\nkey: {}", "key needs exactly one of header or claim", "key", 15)]
    [InlineData("tokensPerUnit: 10\nkey: {header: a, claim: b}", "key needs exactly one of header or claim", "key", 15)]
    [InlineData("tokensPerUnit: 10\nkey: {header: X-Tenant}", "invalid header name 'X-Tenant': use lowercase letters, digits and '-'", "key.header", 15)]
    public void Load_InvalidTokenRateLimit_ReportsPathAndLine(string fields, string message, string path, int line)
    {
        var diagnostic = LoadAssert.SingleError(Route(fields));

        LoadAssert.Is(diagnostic, message, "spec.http[0].x-orleansmesh.tokenRateLimit." + path, line);
    }

    [Fact]
    public void Load_MisspelledField_SuggestsTheRightOne()
    {
        var diagnostic = LoadAssert.SingleError(Route("tokensPerUnit: 10\nestimat: {}"));

        Assert.Contains("did you mean 'estimate'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tokensPerUnit: 3000\nunit: SECOND\nburst: 9000\nkey: {claim: sub}\nestimate: {defaultOutputTokens: 512}")]
    [InlineData("tokensPerUnit: 3000")]
    public void ToYaml_TokenRateLimit_LoadsBackEqual(string fields)
    {
        var original = LoadAssert.Clean(Route(fields)).Resources.Select(r => r.Resource).ToList();

        var written = MeshConfigWriter.ToYaml(original);
        var reloaded = MeshConfigLoader.Load(written, "written.yaml");

        Assert.Empty(reloaded.Diagnostics);
        Assert.Contains("tokenRateLimit:", written, StringComparison.Ordinal);
        Assert.Null(ContentEquality.FirstDifference(original, reloaded.Resources.Select(r => r.Resource).ToList()));
    }
}
