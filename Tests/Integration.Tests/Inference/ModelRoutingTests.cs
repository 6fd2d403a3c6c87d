using System.Net;
using System.Text.Json;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Inference;

/// <summary>
/// Routing by the body's model through a real gateway: three demo model servers behind one host, a VirtualService
/// matching <c>x-mesh-model</c>, and the gateway's OpenAI-shaped refusals of bodies it cannot route.
/// </summary>
public sealed class ModelRoutingTests : IAsyncLifetime
{
    private const string Host = "models";
    private const int MaxBodyBytes = 4096;

    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _models = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _models = await ModelBackends.StartAsync(Host, "small", "large", "embed");
        await _mesh.ApplyAsync(_models.ServiceEntryYaml(Host));
        await _mesh.ApplyAsync($"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: {Host}
            spec:
              host: {Host}
              subsets:
            {Subset("small")}
            {Subset("large")}
            {Subset("embed")}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {Host}
            spec:
              hosts: [{Host}]
              http:
            {ModelRoute("exact", "chat-small", "small")}
            {ModelRoute("exact", "chat-large", "large")}
            {ModelRoute("prefix", "embed-", "embed")}
            """);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains, new() { [$"{InferenceOptions.SectionName}:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    [Theory]
    [InlineData("/v1/chat/completions", "chat-small", "small")]
    [InlineData("/v1/completions", "chat-large", "large")]
    [InlineData("/v1/embeddings", "embed-3", "embed")]
    public async Task BodyModel_RoutesToItsSubset(string path, string model, string version)
    {
        var body = path == "/v1/completions" ? $$"""{"model":"{{model}}","prompt":"hi"}"""
            : path == "/v1/embeddings" ? $$"""{"input":"hi","model":"{{model}}"}"""
            : InferenceRequests.Chat(model);
        using var response = await _gateway.Client.SendAsync(InferenceRequests.Post(Host, path, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(version, response.Headers.GetValues(TrafficSample.VersionHeader).Single());
    }

    [Fact]
    public async Task ClientSentModelHeader_IsIgnoredForTheBodysModel()
    {
        using var request = InferenceRequests.Post(Host, "/v1/chat/completions", InferenceRequests.Chat("chat-small"));
        request.Headers.Add(InferenceHeaders.Model, "chat-large");
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal("small", response.Headers.GetValues(TrafficSample.VersionHeader).Single());
    }

    [Fact]
    public async Task ClientSentModelHeader_OnAnotherPath_MatchesNoModelRoute()
    {
        using var response = await _gateway.GetAsync(Host, "/v1/models", (InferenceHeaders.Model, "chat-large"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownModel_Returns404NoRoute()
    {
        using var response = await _gateway.Client.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", InferenceRequests.Chat("gpt-unknown")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"code\":\"no_route\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_Returns400InOpenAisShape()
    {
        using var response = await _gateway.Client.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", """{"model":"chat-small","messages":[}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains(TrafficSample.VersionHeader), "a model server answered");
        var error = await InferenceRequests.ErrorAsync(response);
        Assert.Equal(("invalid_request_error", "invalid_json", JsonValueKind.Null), (error.GetProperty("type").GetString(), error.GetProperty("code").GetString(), error.GetProperty("param").ValueKind));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task MissingModel_Returns400NamingTheParam()
    {
        using var response = await _gateway.Client.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", """{"messages":[]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("model", (await InferenceRequests.ErrorAsync(response)).GetProperty("param").GetString());
    }

    [Fact]
    public async Task WrongContentType_Returns400()
    {
        using var response = await _gateway.Client.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", InferenceRequests.Chat("chat-small"), "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_content_type", (await InferenceRequests.ErrorAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task OversizeBody_Returns413InOpenAisShape()
    {
        var body = $$"""{"model":"chat-small","messages":[{"role":"user","content":"{{new string('x', MaxBodyBytes)}}"}]}""";
        using var response = await _gateway.Client.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request_too_large", (await InferenceRequests.ErrorAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task BodyJustUnderTheLimit_IsForwardedWhole()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 100));
        var body = $$"""{"model":"chat-small","max_tokens":1,"messages":[{"role":"user","content":"{{words}}"}]}""";
        Assert.True(body.Length < MaxBodyBytes);
        using var response = await _gateway.Client.SendAsync(InferenceRequests.Post(Host, "/v1/chat/completions", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // The demo server counts a prompt token per word: all 100 arrived.
        Assert.Equal(100, answer.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _models.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private static string Subset(string version) => $"""
          - name: {version}
            labels:
              version: {version}
        """;

    private static string ModelRoute(string kind, string model, string subset) => $"""
          - match:
            - headers:
                x-mesh-model:
                  {kind}: {model}
            route:
            - destination:
                host: {Host}
                subset: {subset}
        """;
}
