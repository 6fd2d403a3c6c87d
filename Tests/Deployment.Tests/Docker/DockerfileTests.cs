using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Hosting;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Silo.Hosting;

namespace OrleansMesh.Deployment.Tests.Docker;

/// <summary>The Dockerfiles build from configurable base images, run as non-root and health-check the real endpoints.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Dockerfiles => ["Silo/Dockerfile", "Gateway/Dockerfile", "Samples/ModelServer/Dockerfile"];

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_BaseImagesAreBuildArguments(string dockerfile)
    {
        var lines = Lines(dockerfile);

        Assert.Contains(lines, l => l.StartsWith("ARG SDK_IMAGE=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ARG RUNTIME_IMAGE=", StringComparison.Ordinal));
        Assert.Equal(["FROM ${SDK_IMAGE} AS build", "FROM ${RUNTIME_IMAGE}"], lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_RunsAsANumericNonRootUser(string dockerfile)
    {
        var user = Assert.Single(Lines(dockerfile), l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];

        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER {user}: runAsNonRoot needs a numeric, non-zero uid");
    }

    [Fact]
    public void SiloDockerfile_HealthChecksTheSiloHealthEndpointAndExposesTheClusterPorts()
    {
        var port = BindingAddress.Parse(MeshSiloDefaults.HealthUrl).Port;

        AssertHealthCheck("Silo/Dockerfile", port, MeshSiloDefaults.HealthPath);
        AssertExposes("Silo/Dockerfile", MeshClusterDefaults.SiloPort, MeshClusterDefaults.GatewayPort, port);
    }

    [Fact]
    public void GatewayDockerfile_HealthChecksReadinessOnTheAdminPort()
    {
        var proxy = BindingAddress.Parse(MeshGatewayOptions.DefaultUrl).Port;
        var admin = BindingAddress.Parse(MeshGatewayAdminOptions.DefaultAdminUrl).Port;

        AssertHealthCheck("Gateway/Dockerfile", admin, MeshGatewayAdminOptions.ReadyPath);
        AssertExposes("Gateway/Dockerfile", proxy, admin);
    }

    [Fact]
    public void ModelServerDockerfile_HealthChecksItsDefaultPort()
    {
        var port = BindingAddress.Parse(ModelServerDefaults.Url).Port;

        AssertHealthCheck("Samples/ModelServer/Dockerfile", port, "/healthz");
        AssertExposes("Samples/ModelServer/Dockerfile", port);
    }

    private static void AssertHealthCheck(string dockerfile, int port, string path)
    {
        var text = RepositoryFiles.Read(dockerfile);
        var check = text[text.IndexOf("HEALTHCHECK", StringComparison.Ordinal)..];

        Assert.Contains($"/dev/tcp/127.0.0.1/{port} ", check, StringComparison.Ordinal);
        Assert.Contains($"GET {path} HTTP/1.1", check, StringComparison.Ordinal);
    }

    private static void AssertExposes(string dockerfile, params int[] ports)
    {
        var expose = Assert.Single(Lines(dockerfile), l => l.StartsWith("EXPOSE ", StringComparison.Ordinal));

        Assert.Equal(ports.Order(), expose["EXPOSE ".Length..].Split(' ').Select(int.Parse).Order());
    }

    private static string[] Lines(string dockerfile) =>
        [.. RepositoryFiles.Read(dockerfile).Split('\n').Select(l => l.Trim())];
}
