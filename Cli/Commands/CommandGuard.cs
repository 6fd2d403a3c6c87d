using Orleans.Runtime.Messaging;

namespace OrleansMesh.Cli.Commands;

/// <summary>Turns the failures a user can act on into <c>error: ...</c> and an exit code, instead of a stack trace.</summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (MeshCtlException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException or TimeoutException)
        {
            await error.WriteLineAsync($"error: lost the connection to the mesh control plane: {e.Message}");
            return ExitCodes.Unreachable;
        }
    }
}
