namespace OrleansMesh.Samples.ModelServer.Chat;

internal sealed record ChatChoice(int Index, ChatResponseMessage Message, string FinishReason);
