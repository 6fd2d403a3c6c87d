using System.Text.Json.Serialization;

namespace OrleansMesh.Gateway.Inference;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(OpenAiError))]
internal sealed partial class OpenAiErrorJsonContext : JsonSerializerContext;
