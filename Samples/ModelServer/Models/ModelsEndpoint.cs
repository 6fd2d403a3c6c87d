using System.Text.Json;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Models;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{id}</c>. The one model never changes, so both bodies are serialized once.</summary>
internal sealed class ModelsEndpoint
{
    private readonly string modelName;
    private readonly byte[] list;
    private readonly byte[] card;

    public ModelsEndpoint(ModelIdentity model, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(time);
        modelName = model.Name;
        var modelCard = new ModelCard(model.Name, time.GetUtcNow().ToUnixTimeSeconds(), ModelCard.Owner);
        list = JsonSerializer.SerializeToUtf8Bytes(new ModelList([modelCard]), ModelServerJsonContext.Default.ModelList);
        card = JsonSerializer.SerializeToUtf8Bytes(modelCard, ModelServerJsonContext.Default.ModelCard);
    }

    public Task ListAsync(HttpContext context) => JsonResponses.WriteAsync(context, list);

    public Task GetAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Request.RouteValues["id"] as string;
        if (string.Equals(id, modelName, StringComparison.Ordinal))
        {
            return JsonResponses.WriteAsync(context, card);
        }

        return OpenAiErrors.WriteAsync(
            context, StatusCodes.Status404NotFound, $"The model '{id}' does not exist.", OpenAiErrors.InvalidRequest, "model", "model_not_found");
    }
}
