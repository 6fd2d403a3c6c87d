namespace OrleansMesh.Samples.ModelServer.Streaming;

internal sealed partial class TokenStreamer
{
    [LoggerMessage(1, LogLevel.Information, "Stream stopped after {TokensSent} token(s): the client disconnected or the server is stopping")]
    private partial void LogStreamCancelled(int tokensSent);
}
