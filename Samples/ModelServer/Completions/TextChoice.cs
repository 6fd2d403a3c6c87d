using System.Text.Json.Serialization;

namespace OrleansMesh.Samples.ModelServer.Completions;

internal sealed record TextChoice(
    string Text,
    int Index,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);
