using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Tests;

/// <summary>Runs meshctl command lines against the shared test cluster, which each test starts empty.</summary>
public abstract class MeshCtlTestBase(MeshClusterFixture cluster) : IAsyncLifetime
{
    protected MeshClusterFixture Cluster { get; } = cluster;

    public Task InitializeAsync() => Cluster.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<MeshCtlResult> RunAsync(params string[] args) => RunWithStdinAsync("", args);

    protected async Task<MeshCtlResult> RunWithStdinAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MeshCtl.RunAsync(args, Cluster.Grains, input, output, error);
        return new MeshCtlResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Applies files and fails the test unless that worked, for tests about what follows.</summary>
    protected async Task ApplyAsync(params string[] files)
    {
        var result = await RunAsync(["apply", .. files.SelectMany(f => new[] { "-f", f })]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    protected async Task<IReadOnlyList<ResourceId>> StoredIdsAsync() =>
        [.. (await Cluster.ConfigGrain.ListAsync()).Select(r => r.Id).OrderBy(id => id.ToString(), StringComparer.Ordinal)];
}
