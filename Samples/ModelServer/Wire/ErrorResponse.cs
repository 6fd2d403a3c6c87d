namespace OrleansMesh.Samples.ModelServer.Wire;

/// <summary>OpenAI's error envelope: <c>{"error":{...}}</c>.</summary>
internal sealed record ErrorResponse(ErrorDetail Error);
