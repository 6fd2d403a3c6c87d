using OrleansMesh.Gateway.Forwarding;

namespace OrleansMesh.Gateway.Tests.Forwarding;

public sealed class MeshTransformerTests
{
    [Fact]
    public async Task TransformRequest_NoRewrite_KeepsTheClientsHost()
    {
        var proxyRequest = await TransformAsync(new MeshTransformer(null, null, null, null), "api.example.com:8443");

        Assert.Equal("api.example.com:8443", proxyRequest.Headers.Host);
        Assert.Single(proxyRequest.Headers.NonValidated["Host"]);
    }

    [Fact]
    public async Task TransformRequest_AuthorityRewrite_SendsTheRewrittenHostOnly()
    {
        var proxyRequest = await TransformAsync(new MeshTransformer(null, "llm.internal", null, null), "api.example.com");

        Assert.Equal("llm.internal", proxyRequest.Headers.Host);
        Assert.Single(proxyRequest.Headers.NonValidated["Host"]);
    }

    [Fact]
    public async Task TransformRequest_WithoutRequestId_AddsOne()
    {
        var proxyRequest = await TransformAsync(new MeshTransformer(null, null, null, null), "api.example.com");

        Assert.Matches("^[0-9a-f-]{36}$", Assert.Single(proxyRequest.Headers.GetValues("x-request-id")));
    }

    private static async Task<HttpRequestMessage> TransformAsync(MeshTransformer transformer, string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        context.Request.Path = "/v1/models";
        var proxyRequest = new HttpRequestMessage(HttpMethod.Get, "http://10.0.0.7:8000/v1/models");
        await transformer.TransformRequestAsync(context, proxyRequest, "http://10.0.0.7:8000/", CancellationToken.None);
        return proxyRequest;
    }
}
