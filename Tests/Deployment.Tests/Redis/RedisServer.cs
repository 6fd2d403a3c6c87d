using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using OrleansMesh.Deployment.Tests.Processes;
using StackExchange.Redis;

namespace OrleansMesh.Deployment.Tests.Redis;

/// <summary>
/// A real Redis in a container (Testcontainers) from the image <c>eng/docker-setup.sh</c> builds locally: host
/// networking, bound to 127.0.0.1 on a free port, no registry, no bridge. Fails, never skips, when Docker is missing:
/// a green run must mean these tests ran.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    public const string Image = "orleansmesh/redis:local";

    private readonly IContainer _container;

    static RedisServer()
    {
        // The engine from Debian's docker.io speaks API 1.41; Ryuk (the reaper) would need a registry pull.
        // eng/test.sh exports both; set here too so `dotnet test` alone behaves the same.
        if (Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is null)
        {
            Environment.SetEnvironmentVariable("DOCKER_API_VERSION", "1.41");
        }

        Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
    }

    private RedisServer(IContainer container, int port)
    {
        _container = container;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string, as <c>OrleansMesh__Redis</c> takes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePorts.Next();
        var container = new ContainerBuilder(Image)
            .WithImagePullPolicy(_ => false)
            .WithCreateParameterModifier(p =>
            {
                p.HostConfig ??= new HostConfig();
                p.HostConfig.NetworkMode = "host";
            })
            .WithCommand("redis-server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--protected-mode", "no", "--save", "", "--appendonly", "yes", "--dir", "/data")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Ready to accept connections"))
            .Build();
        try
        {
            await container.StartAsync();
        }
        catch (Exception e)
        {
            await container.DisposeAsync();
            throw new InvalidOperationException(
                $"Cannot start Redis from the local image {Image}: {e.Message}. These tests need Docker and that image: run `bash eng/docker-setup.sh` as root (eng/test.sh does).",
                e);
        }

        return new RedisServer(container, port);
    }

    /// <summary>Every key in the database, to see what the silos stored there.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        var keys = new List<string>();
        await foreach (var key in connection.GetServer(ConnectionString).KeysAsync(pattern: "*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    /// <summary>Restarts the Redis process (same data directory and append-only file), as an operator restart does.</summary>
    public async Task RestartAsync()
    {
        await _container.StopAsync();
        await _container.StartAsync();
    }

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
