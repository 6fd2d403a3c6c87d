namespace OrleansMesh.Samples.ModelServer.Chat;

/// <summary>The increment of a chunk: the role on the first, a token on each, both absent (<c>{}</c>) on the last.</summary>
internal sealed record ChatDelta(string? Role, string? Content);
