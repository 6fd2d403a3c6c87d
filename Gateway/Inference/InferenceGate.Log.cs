namespace OrleansMesh.Gateway.Inference;

internal sealed partial class InferenceGate
{
    [LoggerMessage(1, LogLevel.Debug, "Inference request body not read: {Reason}")]
    private partial void LogBodyReadFailed(string reason);
}
