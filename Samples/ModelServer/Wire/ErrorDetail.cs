using System.Text.Json.Serialization;

namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>The body of an OpenAI error. OpenAI always sends <c>param</c> and <c>code</c>, as null when they do not apply.</summary>
internal sealed record ErrorDetail(
    string Message,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code);
