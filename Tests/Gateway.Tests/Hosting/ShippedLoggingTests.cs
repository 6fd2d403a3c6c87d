namespace OrleansMesh.Gateway.Tests.Hosting;

/// <summary>
/// The gateway as shipped (its appsettings.json) writes no log line per request: at thousands of requests a second the
/// console logger's queue fills and then holds the request threads. The access log is the per-request record.
/// </summary>
public sealed class ShippedLoggingTests
{
    [Theory]
    [InlineData("Yarp.ReverseProxy.Forwarder.HttpForwarder")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware")]
    public void PerRequestCategory_IsOffAtInformation(string category)
    {
        Assert.False(ShippedLogger(category).IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void GatewaysOwnCategory_LogsAtInformation()
    {
        Assert.True(ShippedLogger("OrleansMesh.Gateway.ControlPlane.MeshConfigSubscriber").IsEnabled(LogLevel.Information));
    }

    private static ILogger ShippedLogger(string category)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole());
        return services.BuildServiceProvider().GetRequiredService<ILoggerFactory>().CreateLogger(category);
    }
}
