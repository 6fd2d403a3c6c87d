namespace OrleansMesh.Deployment.Tests.Redis;

/// <summary>One Redis for a test class; each test keeps its own cluster in it under its own cluster and service ids.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    internal RedisServer Server => _server ?? throw new InvalidOperationException("Redis has not started");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
