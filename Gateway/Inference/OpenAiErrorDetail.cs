namespace OrleansMesh.Gateway.Inference;

/// <summary>The inside of an <see cref="OpenAiError"/>; <c>param</c> and <c>code</c> are written even when null, as OpenAI does.</summary>
internal sealed record OpenAiErrorDetail(string Message, string Type, string? Param, string? Code);
