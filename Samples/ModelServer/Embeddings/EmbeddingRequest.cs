using System.Text.Json.Serialization;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Embeddings;

internal sealed class EmbeddingRequest
{
    public string? Model { get; init; }

    [JsonConverter(typeof(TextInputsConverter))]
    public IReadOnlyList<string>? Input { get; init; }

    public int? Dimensions { get; init; }

    /// <summary>"float" (default) or "base64"; OpenAI's Python SDK asks for base64 unless told otherwise.</summary>
    public string? EncodingFormat { get; init; }
}
