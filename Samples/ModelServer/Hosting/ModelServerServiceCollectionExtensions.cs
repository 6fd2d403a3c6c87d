using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansMesh.Samples.ModelServer.Chat;
using OrleansMesh.Samples.ModelServer.Completions;
using OrleansMesh.Samples.ModelServer.Echo;
using OrleansMesh.Samples.ModelServer.Embeddings;
using OrleansMesh.Samples.ModelServer.Engine;
using OrleansMesh.Samples.ModelServer.Faults;
using OrleansMesh.Samples.ModelServer.Generation;
using OrleansMesh.Samples.ModelServer.Health;
using OrleansMesh.Samples.ModelServer.Ledger;
using OrleansMesh.Samples.ModelServer.Models;
using OrleansMesh.Samples.ModelServer.Streaming;

namespace OrleansMesh.Samples.ModelServer.Hosting;

internal static class ModelServerServiceCollectionExtensions
{
    /// <summary>Registers the model server's services; the options must already be valid.</summary>
    public static IServiceCollection AddModelServer(this IServiceCollection services, ModelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelIdentity>();
        services.AddSingleton<ErrorInjector>();
        services.AddSingleton<ReplyComposer>();
        services.AddSingleton<CompletionIds>();
        services.AddSingleton<StreamingCounters>();
        services.AddSingleton<TokenStreamer>();
        services.AddSingleton<ChatCompletionsEndpoint>();
        services.AddSingleton<CompletionsEndpoint>();
        services.AddSingleton<EmbeddingsEndpoint>();
        services.AddSingleton<ModelsEndpoint>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<EchoEndpoint>();
        services.AddSingleton<RequestLedger>();
        services.AddSingleton(sp => new EngineAdmission(options, sp.GetService<SimulatedEngine>()));
        if (options.Engine)
        {
            services.AddSingleton(new EngineSettings(
                options.MaxRunning, options.DecodeMs, options.DecodeMsPerRunning, options.PrefillMsPerToken,
                options.KvCacheTokens, options.BlockTokens, options.MaxLora, options.LoraLoadMs));
            services.AddSingleton<SimulatedEngine>();
            services.AddSingleton<EngineMetricsEndpoint>();
        }

        return services;
    }
}
