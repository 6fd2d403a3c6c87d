using OrleansMesh.Samples.ModelServer.Engine;
using OrleansMesh.Samples.ModelServer.Generation;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Streaming;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Completions;

/// <summary><c>POST /v1/completions</c>, whole or streamed: the same reply as chat, as plain text.</summary>
internal sealed class CompletionsEndpoint(
    ModelServerOptions options,
    ModelIdentity model,
    ReplyComposer replies,
    CompletionIds ids,
    TokenStreamer streamer,
    EngineAdmission engine,
    TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = await JsonBody.ReadAsync(context, ModelServerJsonContext.Default.CompletionRequest);
        if (request is null)
        {
            return;
        }

        if (request.Prompt is not { Count: > 0 } prompt)
        {
            await OpenAiErrors.WriteBadRequestAsync(context, "Missing required parameter: 'prompt'.", "prompt");
            return;
        }

        if (!TokenBudget.TryResolve(request.MaxTokens, options, out var tokens, out var error))
        {
            await OpenAiErrors.WriteBadRequestAsync(context, error!, "max_tokens");
            return;
        }

        var promptTokens = WordCounter.Count(prompt);
        var id = ids.Next("cmpl-");
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        using var lease = await engine.AdmitAsync(request.Model, prompt, promptTokens, tokens, context.RequestAborted);
        if (request.Stream)
        {
            var chunks = new TextChunkSource(id, created, model, replies, tokens, promptTokens);
            await streamer.StreamAsync(context, chunks, ModelServerJsonContext.Default.TextCompletion, lease);
            return;
        }

        if (lease is not null)
        {
            await EngineGeneration.GenerateAsync(lease, tokens, time, context.RequestAborted);
        }

        var completion = new TextCompletion(
            id, created, model.Name, model.Fingerprint, [new TextChoice(replies.Compose(tokens), 0, "stop")], Usage.For(promptTokens, tokens));
        await JsonResponses.WriteAsync(context, completion, ModelServerJsonContext.Default.TextCompletion);
    }
}
