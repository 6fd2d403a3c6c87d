using System.Text.Json.Serialization;

namespace OrleansMesh.Samples.ModelServer.Embeddings;

internal sealed record EmbeddingData(
    int Index,
    [property: JsonConverter(typeof(EmbeddingVectorConverter))] EmbeddingVector Embedding)
{
    public string Object => "embedding";
}
