namespace OrleansMesh.Samples.ModelServer.Embeddings;

/// <summary>An embedding and how it goes on the wire: a JSON array of floats, or base64 of little-endian float32s.</summary>
internal sealed record EmbeddingVector(float[] Values, bool AsBase64);
