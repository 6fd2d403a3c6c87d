using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>
/// The endpoints' door to the simulated engine: with <see cref="ModelServerOptions.Engine"/> off it admits everything
/// at once (null lease, the plain fake's timing); on, it waits for a place in the batch. A request for a model other
/// than the server's own <see cref="ModelServerOptions.Name"/> asks for the LoRA adapter of that name, as vLLM serves
/// adapters under their own model names.
/// </summary>
internal sealed class EngineAdmission(ModelServerOptions options, SimulatedEngine? engine)
{
    private readonly int blockTokens = options.BlockTokens;

    public bool Enabled => engine is not null;

    public async Task<EngineLease?> AdmitAsync(
        string? model, IEnumerable<string?> prompt, int promptTokens, int maxTokens, CancellationToken cancellation)
    {
        if (engine is null)
        {
            return null;
        }

        var adapter = string.IsNullOrEmpty(model) || string.Equals(model, options.Name, StringComparison.Ordinal) ? null : model;
        var request = new EngineRequest(promptTokens, PromptBlocks.Hash(prompt, blockTokens), maxTokens, adapter);
        return await engine.AdmitAsync(request, cancellation);
    }
}
