using Orleans.Storage;
using OrleansMesh.Cli.Commands;

namespace OrleansMesh.Cli.Tests.Commands;

public sealed class CommandGuardTests
{
    [Fact]
    public async Task RunAsync_UnauthorizedAccess_OneErrorLineAndExitOne()
    {
        var (exitCode, error) = await RunAsync(new UnauthorizedAccessException("Access to the path '/etc/mesh.yaml' is denied."));

        Assert.Equal(1, exitCode);
        Assert.Equal("error: Access to the path '/etc/mesh.yaml' is denied.\n", error);
    }

    [Fact]
    public async Task RunAsync_IOException_OneErrorLineAndExitOne()
    {
        var (exitCode, error) = await RunAsync(new IOException("Is a directory : '/work/mesh.yaml'"));

        Assert.Equal(1, exitCode);
        Assert.Equal("error: Is a directory : '/work/mesh.yaml'\n", error);
    }

    [Fact]
    public async Task RunAsync_Timeout_ExitTwo()
    {
        var (exitCode, error) = await RunAsync(new TimeoutException("Response did not arrive on time in 00:00:30."));

        Assert.Equal(2, exitCode);
        Assert.Equal("error: lost the connection to the mesh control plane: Response did not arrive on time in 00:00:30.\n", error);
    }

    [Fact]
    public async Task RunAsync_InconsistentState_ExitOneSayingToRunAgain()
    {
        var (exitCode, error) = await RunAsync(new InconsistentStateException("ETag mismatch", "a", "b"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: the mesh control plane's store changed underneath the request; run the command again: ", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Fact]
    public async Task RunAsync_OrleansExceptionOfSeveralLines_FirstLineOnlyAndExitOne()
    {
        var (exitCode, error) = await RunAsync(new OrleansException("Grain call failed.\n   at Some.Frame()\n   at Other.Frame()"));

        Assert.Equal(1, exitCode);
        Assert.Equal("error: the mesh control plane failed the request: Grain call failed.\n", error);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(Exception exception)
    {
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await CommandGuard.RunAsync(error, () => Task.FromException<int>(exception));
        return (exitCode, error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
