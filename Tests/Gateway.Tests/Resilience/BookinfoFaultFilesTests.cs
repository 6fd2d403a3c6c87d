using OrleansMesh.Configuration;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using static OrleansMesh.Gateway.Tests.Mesh;

namespace OrleansMesh.Gateway.Tests.Resilience;

/// <summary>Istio's fault-injection task files compile to the faults the task describes.</summary>
public sealed class BookinfoFaultFilesTests
{
    [Fact]
    public void Compile_RatingsTestDelay_Delays7sForJasonOnly()
    {
        var routes = CompileRatings("virtual-service-ratings-test-delay.yaml");

        Assert.Equal((TimeSpan.FromSeconds(7), 100.0), (routes[0].Resilience.Fault!.Delay, routes[0].Resilience.Fault!.DelayPercent));
        Assert.Null(routes[1].Resilience.Fault);
    }

    [Fact]
    public void Compile_RatingsTestAbort_Aborts500ForJasonOnly()
    {
        var routes = CompileRatings("virtual-service-ratings-test-abort.yaml");

        Assert.Equal((500, 100.0), (routes[0].Resilience.Fault!.AbortStatus, routes[0].Resilience.Fault!.AbortPercent));
        Assert.Null(routes[1].Resilience.Fault);
    }

    private static ForwardAction[] CompileRatings(string file)
    {
        var loaded = MeshConfigLoader.Load(File.ReadAllText(SharedCorpus.Bookinfo(file)), file);
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var virtualService = loaded.Resources.Select(r => r.Resource).OfType<VirtualService>().Single();
        var snapshot = Compile(Table("ratings", Service("ratings", Workload("127.0.0.1", "v1")), null, virtualService));
        return [.. snapshot.FindHost("ratings")!.Routes.Select(r => Assert.IsType<ForwardAction>(r.Action))];
    }
}
