using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Tests.Telemetry;

public sealed class AccessLogTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"access-{Guid.NewGuid():N}.log");

    [Fact]
    public void Log_QueueFull_DropsAndCounts()
    {
        var log = Create(new AccessLogOptions { Enabled = true, Capacity = 16 });

        for (var i = 0; i < 20; i++)
        {
            log.Log(Entry(i));
        }

        Assert.Equal(4, log.Dropped);
    }

    [Fact]
    public void Log_Disabled_KeepsNothing()
    {
        var log = Create(new AccessLogOptions { Enabled = false, Capacity = 16 });

        log.Log(Entry(1));

        Assert.False(log.Reader.TryRead(out _));
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public void Enabled_NotSet_IsOnInDevelopmentOnly(string environment, bool enabled)
    {
        var log = Create(new AccessLogOptions(), environment);

        Assert.Equal(enabled, log.Enabled);
    }

    [Fact]
    public async Task Writer_Stopping_WritesEveryQueuedEntryAsOneJsonLine()
    {
        var options = new AccessLogOptions { Enabled = true, Path = _path };
        var log = Create(options);
        using var writer = new AccessLogWriter(log, Options.Create(options), NullLogger<AccessLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        log.Log(Entry(200));
        log.Log(Entry(404));
        await writer.StopAsync(CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(_path);
        Assert.Equal([200, 404], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("response_code").GetInt32()));
    }

    public void Dispose()
    {
        _services.Dispose();
        File.Delete(_path);
    }

    private AccessLog Create(AccessLogOptions options, string environment = "Production") =>
        new(Options.Create(options), new Environment(environment), _services.GetRequiredService<IMeterFactory>());

    private static AccessLogEntry Entry(int status) => new(
        DateTimeOffset.UnixEpoch, "GET", "/", "HTTP/1.1", status, null, 0, 0, TimeSpan.Zero, null, null, null, null, "host", null, null, null, null);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = "";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
