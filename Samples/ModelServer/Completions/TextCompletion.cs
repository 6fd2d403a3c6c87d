using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Completions;

/// <summary>OpenAI's <c>text_completion</c> object; streamed chunks use the same shape, with usage on the last only.</summary>
internal sealed record TextCompletion(
    string Id,
    long Created,
    string Model,
    string SystemFingerprint,
    IReadOnlyList<TextChoice> Choices,
    Usage? Usage)
{
    public string Object => "text_completion";
}
