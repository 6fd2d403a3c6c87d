namespace OrleansMesh.Samples.ModelServer.Echo;

/// <summary>What arrived at the server, for routing, rewrite and header-manipulation tests.</summary>
internal sealed record EchoResponse(
    string Model,
    string Version,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers);
