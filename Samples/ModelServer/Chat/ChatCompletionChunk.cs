using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Chat;

/// <summary>OpenAI's <c>chat.completion.chunk</c>; <see cref="Usage"/> is set on the final chunk only.</summary>
internal sealed record ChatCompletionChunk(
    string Id,
    long Created,
    string Model,
    string SystemFingerprint,
    IReadOnlyList<ChunkChoice> Choices,
    Usage? Usage)
{
    public string Object => "chat.completion.chunk";
}
