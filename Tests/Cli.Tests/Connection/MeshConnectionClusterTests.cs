using Microsoft.Extensions.Configuration;
using OrleansMesh.Cli.Connection;

namespace OrleansMesh.Cli.Tests.Connection;

[Collection(MeshClusterCollection.Name)]
public sealed class MeshConnectionClusterTests(MeshClusterFixture cluster) : MeshCtlTestBase(cluster)
{
    [Fact]
    public async Task RunAsync_ThroughRealConnection_ReachesTheClusterGateway()
    {
        await ApplyAsync(SharedCorpus.Bookinfo("destination-rule-reviews.yaml"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Cluster.ConnectionSettings).Build();
        await using var connection = new MeshConnection(configuration, TimeProvider.System);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await MeshCtl.RunAsync(["get", "dr"], connection.ConnectAsync, new StringReader(""), output, error);

        Assert.True(exitCode == 0, error.ToString());
        Assert.Contains("reviews", output.ToString(), StringComparison.Ordinal);
    }
}
