using System.Text.Json.Serialization;
using OrleansMesh.Samples.ModelServer.Wire;

namespace OrleansMesh.Samples.ModelServer.Completions;

/// <summary>The parts of OpenAI's legacy completions request the fake acts on.</summary>
internal sealed class CompletionRequest
{
    public string? Model { get; init; }

    [JsonConverter(typeof(TextInputsConverter))]
    public IReadOnlyList<string>? Prompt { get; init; }

    public bool Stream { get; init; }

    public int? MaxTokens { get; init; }
}
