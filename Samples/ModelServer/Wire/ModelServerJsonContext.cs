using System.Text.Json.Serialization;
using OrleansMesh.Samples.ModelServer.Chat;
using OrleansMesh.Samples.ModelServer.Completions;
using OrleansMesh.Samples.ModelServer.Echo;
using OrleansMesh.Samples.ModelServer.Embeddings;
using OrleansMesh.Samples.ModelServer.Health;
using OrleansMesh.Samples.ModelServer.Models;

namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>Compile-time JSON metadata for every wire type: OpenAI's snake_case, nulls left out unless a type says otherwise.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletion))]
[JsonSerializable(typeof(ChatCompletionChunk))]
[JsonSerializable(typeof(CompletionRequest))]
[JsonSerializable(typeof(TextCompletion))]
[JsonSerializable(typeof(EmbeddingRequest))]
[JsonSerializable(typeof(EmbeddingList))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(ModelCard))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(EchoResponse))]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ModelServerJsonContext : JsonSerializerContext;
