using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Resilience;

/// <summary>Which routes' first attempt may run before their pipeline (<see cref="RouteResilience.RetriesOnly"/>).</summary>
public sealed class RouteResilienceTests
{
    private static readonly ResilienceCompiler s_compiler = ResilienceCompiler.CreateDefault(new Random(1));

    [Fact]
    public void RetriesOnly_IstioDefaultRetries_True()
    {
        var resilience = s_compiler.CompileRoute(new HttpRoute());

        Assert.True(resilience.RetriesOnly);
    }

    [Fact]
    public void RetriesOnly_RouteTimeout_False()
    {
        var resilience = s_compiler.CompileRoute(new HttpRoute { Timeout = TimeSpan.FromSeconds(2) });

        Assert.False(resilience.RetriesOnly);
    }

    [Fact]
    public void RetriesOnly_PerTryTimeout_False()
    {
        var resilience = s_compiler.CompileRoute(new HttpRoute { Retries = new HttpRetry { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(1) } });

        Assert.False(resilience.RetriesOnly);
    }
}
