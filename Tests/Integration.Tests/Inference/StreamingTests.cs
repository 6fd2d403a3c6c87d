using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Inference;

/// <summary>
/// Server-sent events through a real gateway: each chunk reaches the client while the upstream is still generating,
/// and a client that leaves mid-stream cancels the upstream request.
/// </summary>
public sealed class StreamingTests : IAsyncLifetime
{
    private const string Host = "held-model";

    private readonly MeshCluster _mesh = new(silos: 1);
    private HeldStreamBackend _backend = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _backend = await HeldStreamBackend.StartAsync();
        await _mesh.ApplyAsync($$"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: {{Host}}
            spec:
              hosts: [{{Host}}]
              ports: [{number: 80, name: http, protocol: HTTP}]
              resolution: STATIC
              endpoints:
              - address: 127.0.0.1
                ports: {http: {{_backend.Port}}{{"}"}}
            """);
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
    }

    [Fact]
    public async Task FirstChunk_ReachesTheClient_WhileTheUpstreamStillWaits()
    {
        using var response = await _gateway.Client.SendAsync(
            InferenceRequests.Post(Host, "/v1/chat/completions", InferenceRequests.Chat("held", stream: true)), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        // The backend cannot finish before Release: the chunk came through while it was still generating.
        Assert.Equal(HeldStreamBackend.FirstChunk, first);
        Assert.True(_backend.Waiting.IsCompleted);
        Assert.False(_backend.Finished.IsCompleted, "the backend finished before it was released");
        _backend.Release();
        Assert.EndsWith("data: [DONE]", (await reader.ReadToEndAsync()).TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientLeavingMidStream_AbortsTheUpstreamRequest()
    {
        using var cancel = new CancellationTokenSource();
        var response = await _gateway.Client.SendAsync(
            InferenceRequests.Post(Host, "/v1/chat/completions", InferenceRequests.Chat("held", stream: true)), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        var reader = new StreamReader(stream);
        Assert.Equal(HeldStreamBackend.FirstChunk, await reader.ReadLineAsync(cancel.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        // Leaving: the client closes its connection to the gateway mid-stream.
        await cancel.CancelAsync();
        reader.Dispose();
        response.Dispose();

        await _backend.Aborted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(_backend.Finished.IsCompleted);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _backend.DisposeAsync();
        await _mesh.DisposeAsync();
    }
}
