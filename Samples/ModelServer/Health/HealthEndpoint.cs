using System.Text.Json;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Health;

/// <summary><c>GET /healthz</c>: probed often by the mesh, so the body is serialized once.</summary>
internal sealed class HealthEndpoint(ModelIdentity model)
{
    private readonly byte[] body = JsonSerializer.SerializeToUtf8Bytes(
        new HealthResponse("ok", model.Name, model.Version), ModelServerJsonContext.Default.HealthResponse);

    public Task HandleAsync(HttpContext context) => JsonResponses.WriteAsync(context, body);
}
