using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Chat;

/// <summary>OpenAI's <c>chat.completion</c> object.</summary>
internal sealed record ChatCompletion(
    string Id,
    long Created,
    string Model,
    string SystemFingerprint,
    IReadOnlyList<ChatChoice> Choices,
    Usage Usage)
{
    public string Object => "chat.completion";
}
