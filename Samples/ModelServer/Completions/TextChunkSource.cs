using OrleansMesh.Samples.ModelServer.Generation;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Streaming;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Completions;

/// <summary>The chunks of one streamed text completion.</summary>
internal sealed class TextChunkSource(
    string id,
    long created,
    ModelIdentity model,
    ReplyComposer replies,
    int tokenCount,
    int promptTokens) : IChunkSource<TextCompletion>
{
    public int TokenCount => tokenCount;

    public TextCompletion TokenChunk(int index) => Chunk(new TextChoice(replies.Token(index), 0, null), usage: null);

    public TextCompletion FinalChunk() => Chunk(new TextChoice("", 0, "stop"), Usage.For(promptTokens, tokenCount));

    private TextCompletion Chunk(TextChoice choice, Usage? usage) =>
        new(id, created, model.Name, model.Fingerprint, [choice], usage);
}
