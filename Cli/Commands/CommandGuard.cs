using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace OrleansMesh.Cli.Commands;

/// <summary>Turns the failures a user can act on into one <c>error: ...</c> line and an exit code, instead of a stack trace.</summary>
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
            return await FailAsync(error, e.ExitCode, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // .NET's messages name the path; no prefix, as the same types can come back from a grain call too.
            return await FailAsync(error, ExitCodes.ConfigError, e.Message);
        }
        catch (Exception e) when (e is SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException or TimeoutException)
        {
            return await FailAsync(error, ExitCodes.Unreachable, $"lost the connection to the mesh control plane: {e.Message}");
        }
        catch (InconsistentStateException e)
        {
            return await FailAsync(error, ExitCodes.ConfigError, $"the mesh control plane's store changed underneath the request; run the command again: {e.Message}");
        }
        catch (OrleansException e)
        {
            return await FailAsync(error, ExitCodes.ConfigError, $"the mesh control plane failed the request: {e.Message}");
        }
    }

    // Orleans messages can span lines; the first says what happened, and one line keeps scripts' logs readable.
    private static async Task<int> FailAsync(TextWriter error, int exitCode, string message)
    {
        var firstLine = message.ReplaceLineEndings("\n").Split('\n', 2)[0].TrimEnd();
        await error.WriteLineAsync($"error: {firstLine}");
        return exitCode;
    }
}
