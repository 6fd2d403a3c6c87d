using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Benchmarks.Inference;

/// <summary>
/// Four simulated vLLM servers on 127.0.0.1: three alike and one of half the speed (decode and prefill), each with 4
/// batch slots, a 8192-token KV cache with prefix caching and 2 LoRA slots. Started afresh for every phase, so no
/// policy inherits another's warm caches.
/// </summary>
internal sealed class Pool : IAsyncDisposable
{
    private static readonly ModelServerOptions Fast = new()
    {
        Engine = true,
        Name = "bench-model",
        MaxRunning = 4,
        DecodeMs = 8,
        DecodeMsPerRunning = 2,
        PrefillMsPerToken = 0.25,
        KvCacheTokens = 8192,
        BlockTokens = 16,
        MaxLora = 2,
        LoraLoadMs = 150,
        MaxTokensLimit = 4096,
    };

    private readonly List<WebApplication> _servers = [];

    public List<int> Ports { get; } = [];

    /// <summary>The herding mode's servers: eight alike, short answers, 2 batch slots each.</summary>
    public static readonly ModelServerOptions Small = Fast with { MaxRunning = 2, DecodeMs = 4, DecodeMsPerRunning = 2, PrefillMsPerToken = 0.02 };

    public static Task<Pool> StartAsync() =>
        StartAsync([Fast, Fast, Fast, Fast with { DecodeMs = 16, DecodeMsPerRunning = 4, PrefillMsPerToken = 0.5 }]);

    public static async Task<Pool> StartAsync(ModelServerOptions[] servers)
    {
        var pool = new Pool();
        foreach (var options in servers)
        {
            var server = ModelServerApp.Create(options, "http://127.0.0.1:0");
            pool._servers.Add(server);
            await server.StartAsync();
            pool.Ports.Add(new Uri(server.Urls.Single()).Port);
        }

        return pool;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }
}
