using System.Text.Json.Serialization;

namespace OrleansMesh.Samples.ModelServer.Chat;

/// <summary>One choice of a chunk; OpenAI sends <c>finish_reason: null</c> until the last chunk.</summary>
internal sealed record ChunkChoice(
    int Index,
    ChatDelta Delta,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);
