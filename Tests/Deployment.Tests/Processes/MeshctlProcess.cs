namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>One run of the built meshctl (<c>dotnet meshctl.dll ARGS</c>) with the given settings, as a user runs it.</summary>
internal static class MeshctlProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = RepositoryFiles.Output("Cli", "meshctl");
        await using var process = MeshProcess.Start("meshctl", dll, environment, args);
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"meshctl {string.Join(' ', args)} did not exit:{Environment.NewLine}{process.Output}");

        // Output lines arrive on their own threads; the exit can be seen before the last of them.
        await Task.Delay(100);
        return (process.ExitCode, process.Output);
    }
}
