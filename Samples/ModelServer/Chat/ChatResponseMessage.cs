namespace OrleansMesh.Samples.ModelServer.Chat;

internal sealed record ChatResponseMessage(string Role, string Content);
