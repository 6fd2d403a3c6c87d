namespace OrleansMesh.Samples.ModelServer.Chat;

/// <summary>The parts of OpenAI's chat request the fake acts on; everything else (temperature, tools, ...) is ignored.</summary>
internal sealed class ChatCompletionRequest
{
    /// <summary>Accepted but not checked: the mesh may route an alias here, and the answer names this server's model.</summary>
    public string? Model { get; init; }

    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    public bool Stream { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>OpenAI's newer name for <see cref="MaxTokens"/>; wins when both are set.</summary>
    public int? MaxCompletionTokens { get; init; }
}
