namespace OrleansMesh.Cli;

/// <summary>Ends a command with <c>error: message</c> on standard error and the given exit code.</summary>
internal sealed class MeshCtlException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
