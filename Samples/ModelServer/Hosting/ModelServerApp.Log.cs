namespace OrleansMesh.Samples.ModelServer.Hosting;

internal static partial class ModelServerApp
{
    [LoggerMessage(1, LogLevel.Information, "Model server {Name} {Version} listening on {Addresses}")]
    private static partial void LogListening(ILogger logger, string name, string version, string addresses);
}
