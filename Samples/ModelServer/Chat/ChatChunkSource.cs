using OrleansMesh.Samples.ModelServer.Generation;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Streaming;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Chat;

/// <summary>The chunks of one streamed chat answer.</summary>
internal sealed class ChatChunkSource(
    string id,
    long created,
    ModelIdentity model,
    ReplyComposer replies,
    int tokenCount,
    int promptTokens) : IChunkSource<ChatCompletionChunk>
{
    public int TokenCount => tokenCount;

    public ChatCompletionChunk TokenChunk(int index) =>
        Chunk(new ChunkChoice(0, new ChatDelta(index == 0 ? "assistant" : null, replies.Token(index)), null), usage: null);

    // Always carries usage, as OpenAI does with stream_options.include_usage, so benchmarks can count tokens.
    public ChatCompletionChunk FinalChunk() =>
        Chunk(new ChunkChoice(0, new ChatDelta(null, null), "stop"), Usage.For(promptTokens, tokenCount));

    private ChatCompletionChunk Chunk(ChunkChoice choice, Usage? usage) =>
        new(id, created, model.Name, model.Fingerprint, [choice], usage);
}
