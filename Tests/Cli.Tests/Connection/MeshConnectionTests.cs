using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using OrleansMesh.Cli.Connection;

namespace OrleansMesh.Cli.Tests.Connection;

public sealed class MeshConnectionTests
{
    [Fact]
    public async Task RunAsync_NoMeshListening_ExitsTwoWithinTheConnectBudget()
    {
        var port = UnusedPort();
        await using var connection = new MeshConnection(Settings(("GatewayPort", port.ToString())), TimeProvider.System);
        var stopwatch = Stopwatch.StartNew();

        var result = await RunAsync(connection, "get", "vs");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: cannot reach the mesh control plane at 127.0.0.1:{port} (is 'dotnet run --project Silo -- dev' running?)",
            result.Error.Trim());
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task RunAsync_BadInputFile_FailsWithoutConnecting()
    {
        await using var connection = new MeshConnection(Settings(("GatewayPort", UnusedPort().ToString())), TimeProvider.System);
        var stopwatch = Stopwatch.StartNew();

        var result = await RunAsync(connection, "apply", "-f", "/nonexistent/meshctl-test.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task RunAsync_UnsupportedClustering_ExitsOneNamingTheSetting()
    {
        await using var connection = new MeshConnection(Settings(("Clustering", "Consul")), TimeProvider.System);

        var result = await RunAsync(connection, "get", "vs");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: OrleansMesh:Clustering is 'Consul'; allowed values: Localhost, Redis, Kubernetes",
            result.Error.Trim());
    }

    [Fact]
    public async Task RunAsync_SeveralBadSettings_ExitsOneNamingEach()
    {
        await using var connection = new MeshConnection(Settings(("Clustering", "Consul"), ("GatewayPort", "0")), TimeProvider.System);

        var result = await RunAsync(connection, "get", "vs");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: OrleansMesh:Clustering is 'Consul'; allowed values: Localhost, Redis, Kubernetes; OrleansMesh:GatewayPort is 0; use a port from 1 to 65535",
            result.Error.Trim());
    }

    [Fact]
    public async Task RunAsync_ZeroConnectTimeout_ExitsOneNamingTheSetting()
    {
        await using var connection = new MeshConnection(Settings(("ConnectTimeout", "00:00:00")), TimeProvider.System);

        var result = await RunAsync(connection, "get", "vs");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: OrleansMesh:ConnectTimeout is 00:00:00; use a positive duration, e.g. 00:00:05", result.Error.Trim());
    }

    [Fact]
    public async Task RunAsync_PortNotANumber_ExitsOneNamingTheSetting()
    {
        await using var connection = new MeshConnection(Settings(("GatewayPort", "thirty")), TimeProvider.System);

        var result = await RunAsync(connection, "get", "vs");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: invalid OrleansMesh__ setting:", result.Error, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"OrleansMesh:{s.Key}", s.Value)))
            .Build();

    private static async Task<MeshCtlResult> RunAsync(MeshConnection connection, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MeshCtl.RunAsync(args, connection.ConnectAsync, new StringReader(""), output, error);
        return new MeshCtlResult(exitCode, output.ToString(), error.ToString());
    }

    // Kept bound for the life of the test process, never listening: connections are refused at once, and no server
    // another test starts on port 0 can be handed the port meanwhile.
    private static readonly ConcurrentBag<Socket> s_refusing = [];

    private static int UnusedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        s_refusing.Add(socket);
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
