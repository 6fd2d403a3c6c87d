using OrleansMesh.Samples.ModelServer.Chat;
using OrleansMesh.Samples.ModelServer.Completions;
using OrleansMesh.Samples.ModelServer.Echo;
using OrleansMesh.Samples.ModelServer.Embeddings;
using OrleansMesh.Samples.ModelServer.Engine;
using OrleansMesh.Samples.ModelServer.Health;
using OrleansMesh.Samples.ModelServer.Models;

namespace OrleansMesh.Samples.ModelServer.Hosting;

internal static class ModelServerEndpoints
{
    /// <summary>
    /// Maps the OpenAI routes and the echo catch-all. Handlers are plain <see cref="RequestDelegate"/>s on singletons:
    /// no per-request parameter binding or reflection.
    /// </summary>
    public static IEndpointRouteBuilder MapModelServer(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var models = services.GetRequiredService<ModelsEndpoint>();
        endpoints.MapGet("/healthz", services.GetRequiredService<HealthEndpoint>().HandleAsync);
        endpoints.MapGet("/v1/models", models.ListAsync);
        endpoints.MapGet("/v1/models/{**id}", models.GetAsync);
        endpoints.MapPost("/v1/chat/completions", services.GetRequiredService<ChatCompletionsEndpoint>().HandleAsync);
        endpoints.MapPost("/v1/completions", services.GetRequiredService<CompletionsEndpoint>().HandleAsync);
        if (services.GetService<EngineMetricsEndpoint>() is { } metrics)
        {
            endpoints.MapGet("/metrics", metrics.HandleAsync);
        }

        endpoints.MapPost("/v1/embeddings", services.GetRequiredService<EmbeddingsEndpoint>().HandleAsync);

        // A catch-all parameter ranks below every literal route, so this only takes what nothing else matched.
        endpoints.Map("/{**path}", services.GetRequiredService<EchoEndpoint>().HandleAsync);
        return endpoints;
    }
}
