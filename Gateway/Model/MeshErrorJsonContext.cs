using System.Text.Json.Serialization;

namespace OrleansMesh.Gateway.Model;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MeshError))]
internal sealed partial class MeshErrorJsonContext : JsonSerializerContext;
