using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Resilience;

/// <summary>The deadline of a first attempt run before the route's pipeline (<see cref="RouteResilience.FirstAttemptTimeout"/>).</summary>
public sealed class RouteResilienceTests
{
    private static readonly ResilienceCompiler s_compiler = ResilienceCompiler.CreateDefault(new Random(1));

    [Fact]
    public void FirstAttemptTimeout_IstioDefaultRetries_None()
    {
        var resilience = s_compiler.CompileRoute(new HttpRoute());

        Assert.Null(resilience.FirstAttemptTimeout);
    }

    [Fact]
    public void FirstAttemptTimeout_RouteTimeout_IsTheRouteTimeout()
    {
        var resilience = s_compiler.CompileRoute(new HttpRoute { Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(TimeSpan.FromSeconds(2), resilience.FirstAttemptTimeout);
    }

    [Fact]
    public void FirstAttemptTimeout_PerTryShorterThanTheRoute_IsThePerTryTimeout()
    {
        var resilience = s_compiler.CompileRoute(new HttpRoute { Timeout = TimeSpan.FromSeconds(5), Retries = new HttpRetry { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(1) } });

        Assert.Equal(TimeSpan.FromSeconds(1), resilience.FirstAttemptTimeout);
    }

    [Fact]
    public void FirstAttemptTimeout_RouteShorterThanPerTry_IsTheRouteTimeout()
    {
        var resilience = s_compiler.CompileRoute(new HttpRoute { Timeout = TimeSpan.FromSeconds(1), Retries = new HttpRetry { Attempts = 3, PerTryTimeout = TimeSpan.FromSeconds(5) } });

        Assert.Equal(TimeSpan.FromSeconds(1), resilience.FirstAttemptTimeout);
    }

    [Fact]
    public void FirstAttemptTimeout_PerTryWithoutRetries_None()
    {
        // Without retries the pipeline has no per-try timeout either: only the route timeout bounds the one attempt.
        var resilience = s_compiler.CompileRoute(new HttpRoute { Retries = new HttpRetry { Attempts = 0, PerTryTimeout = TimeSpan.FromSeconds(1) } });

        Assert.Null(resilience.FirstAttemptTimeout);
    }

    [Fact]
    public void FirstAttemptTimeout_BelowPollysFloor_IsTheFloor()
    {
        var resilience = s_compiler.CompileRoute(new HttpRoute { Timeout = TimeSpan.FromMilliseconds(1) });

        Assert.Equal(RouteResilience.MinTimeout, resilience.FirstAttemptTimeout);
    }
}
