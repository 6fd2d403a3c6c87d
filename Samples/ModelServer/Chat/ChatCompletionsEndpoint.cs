using OrleansMesh.Samples.ModelServer.Engine;
using OrleansMesh.Samples.ModelServer.Generation;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Streaming;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Chat;

/// <summary><c>POST /v1/chat/completions</c>, whole or streamed.</summary>
internal sealed class ChatCompletionsEndpoint(
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
        var request = await JsonBody.ReadAsync(context, ModelServerJsonContext.Default.ChatCompletionRequest);
        if (request is null)
        {
            return;
        }

        if (request.Messages is not { Count: > 0 } messages)
        {
            await OpenAiErrors.WriteBadRequestAsync(context, "Missing required parameter: 'messages'.", "messages");
            return;
        }

        if (!TokenBudget.TryResolve(request.MaxCompletionTokens ?? request.MaxTokens, options, out var tokens, out var error))
        {
            await OpenAiErrors.WriteBadRequestAsync(context, error!, "max_tokens");
            return;
        }

        var promptTokens = WordCounter.Count(messages.Select(static m => m?.Content));
        var id = ids.Next("chatcmpl-");
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        using var lease = await engine.AdmitAsync(request.Model, messages.Select(static m => m?.Content), promptTokens, tokens, context.RequestAborted);
        if (request.Stream)
        {
            var chunks = new ChatChunkSource(id, created, model, replies, tokens, promptTokens);
            await streamer.StreamAsync(context, chunks, ModelServerJsonContext.Default.ChatCompletionChunk, lease);
            return;
        }

        if (lease is not null)
        {
            await EngineGeneration.GenerateAsync(lease, tokens, time, context.RequestAborted);
        }

        var message = new ChatResponseMessage("assistant", replies.Compose(tokens));
        var completion = new ChatCompletion(
            id, created, model.Name, model.Fingerprint, [new ChatChoice(0, message, "stop")], Usage.For(promptTokens, tokens));
        await JsonResponses.WriteAsync(context, completion, ModelServerJsonContext.Default.ChatCompletion);
    }
}
