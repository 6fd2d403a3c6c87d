using Microsoft.Extensions.Options;
using OrleansMesh.Hosting;

namespace OrleansMesh.Abstractions.Tests.Hosting;

public sealed class MeshClusterOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = Validate(new MeshClusterOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_LowerCaseLocalhost_Succeeds()
    {
        var result = Validate(new MeshClusterOptions { Clustering = "localhost" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UnsupportedClustering_NamesTheAllowedValues()
    {
        var result = Validate(new MeshClusterOptions { Clustering = "Consul" });

        Assert.Equal(["OrleansMesh:Clustering is 'Consul'; allowed values: Localhost, Redis, Kubernetes"], result.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Validate_GatewayPortOutOfRange_NamesTheRange(int port)
    {
        var result = Validate(new MeshClusterOptions { GatewayPort = port });

        Assert.Equal([$"OrleansMesh:GatewayPort is {port}; use a port from 1 to 65535"], result.Failures);
    }

    [Fact]
    public void Validate_NegativeSiloPort_NamesTheRange()
    {
        var result = Validate(new MeshClusterOptions { SiloPort = -1 });

        Assert.Equal(["OrleansMesh:SiloPort is -1; use a port from 1 to 65535"], result.Failures);
    }

    [Fact]
    public void Validate_SiloPortEqualsGatewayPort_AsksForDifferentPorts()
    {
        var result = Validate(new MeshClusterOptions { SiloPort = 30000 });

        Assert.Equal(["OrleansMesh:SiloPort and OrleansMesh:GatewayPort are both 30000; give them different ports"], result.Failures);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_EmptyClusterId_NamesTheDefault(string clusterId)
    {
        var result = Validate(new MeshClusterOptions { ClusterId = clusterId });

        Assert.Equal(["OrleansMesh:ClusterId is empty; set it (default: 'orleansmesh-dev')"], result.Failures);
    }

    [Fact]
    public void Validate_EmptyServiceId_NamesTheDefault()
    {
        var result = Validate(new MeshClusterOptions { ServiceId = "" });

        Assert.Equal(["OrleansMesh:ServiceId is empty; set it (default: 'orleansmesh')"], result.Failures);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOnce()
    {
        var result = Validate(new MeshClusterOptions { Clustering = "Consul", GatewayPort = 0, ServiceId = "" });

        Assert.Equal(
            [
                "OrleansMesh:Clustering is 'Consul'; allowed values: Localhost, Redis, Kubernetes",
                "OrleansMesh:GatewayPort is 0; use a port from 1 to 65535",
                "OrleansMesh:ServiceId is empty; set it (default: 'orleansmesh')",
            ],
            result.Failures);
    }

    [Theory]
    [InlineData("Redis")]
    [InlineData("kubernetes")]
    public void Validate_RedisClusteringWithoutConnectionString_SaysWhatToSet(string clustering)
    {
        var result = Validate(new MeshClusterOptions { Clustering = clustering });

        Assert.Equal(
            [$"OrleansMesh:Redis is empty; OrleansMesh:Clustering '{clustering}' keeps membership and grain state in Redis: set a StackExchange.Redis connection string, e.g. OrleansMesh__Redis=127.0.0.1:6379"],
            result.Failures);
    }

    [Theory]
    [InlineData("Redis")]
    [InlineData("Kubernetes")]
    public void Validate_RedisClusteringWithConnectionString_Succeeds(string clustering)
    {
        var result = Validate(new MeshClusterOptions { Clustering = clustering, Redis = "redis:6379,abortConnect=false" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_RedisWithoutEndpoint_SaysHowToWriteOne()
    {
        var result = Validate(new MeshClusterOptions { Clustering = "Redis", Redis = "abortConnect=false" });

        Assert.Equal(["OrleansMesh:Redis 'abortConnect=false' names no Redis endpoint; use host:port, e.g. 127.0.0.1:6379"], result.Failures);
    }

    [Fact]
    public void Validate_MalformedRedisConnectionString_IsReported()
    {
        var result = Validate(new MeshClusterOptions { Clustering = "Redis", Redis = "127.0.0.1:6379,connectTimeout=soon" });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("OrleansMesh:Redis is not a StackExchange.Redis connection string (", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LocalhostWithRedisSet_IgnoresIt()
    {
        var result = Validate(new MeshClusterOptions { Redis = "127.0.0.1:6379" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static ValidateOptionsResult Validate(MeshClusterOptions options) =>
        new MeshClusterOptionsValidator().Validate(name: null, options);
}
