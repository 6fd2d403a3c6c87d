namespace OrleansMesh.Samples.ModelServer.Embeddings;

internal sealed record EmbeddingList(IReadOnlyList<EmbeddingData> Data, string Model, EmbeddingUsage Usage)
{
    public string Object => "list";
}
