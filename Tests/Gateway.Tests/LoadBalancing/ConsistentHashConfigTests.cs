using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.LoadBalancing;

/// <summary>Istio's <c>consistentHash</c> fields as the YAML loader reads and validates them.</summary>
public sealed class ConsistentHashConfigTests
{
    [Fact]
    public void Load_RingHash_ReadsMinimumRingSize()
    {
        var hash = Load("ringHash:\n  minimumRingSize: 4096\nhttpHeaderName: x-session");

        Assert.Equal(4096UL, hash.RingHash!.MinimumRingSize);
    }

    [Fact]
    public void Load_Maglev_ReadsTableSize()
    {
        var hash = Load("maglev:\n  tableSize: 65537\nuseSourceIp: true");

        Assert.Equal(65537UL, hash.Maglev!.TableSize);
    }

    [Fact]
    public void Load_CookieWithAttributes_ReadsThem()
    {
        var cookie = Load("httpCookie:\n  name: s\n  ttl: 10s\n  attributes:\n  - name: SameSite\n    value: Lax\n  - name: Secure").HttpCookie!;

        Assert.Equal(TimeSpan.FromSeconds(10), cookie.Ttl);
        Assert.Equal([("SameSite", "Lax"), ("Secure", "")], cookie.Attributes.Select(a => (a.Name, a.Value ?? "")));
    }

    [Fact]
    public void Load_MaglevTableNotPrime_ReportsIt()
    {
        var error = SingleError("maglev:\n  tableSize: 65536\nuseSourceIp: true");

        Assert.Equal("must be a prime number no greater than 5000011, e.g. 65537", error.Message);
        Assert.Equal("spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize", error.Path);
    }

    [Fact]
    public void Load_RingHashAndMaglev_ReportsExclusive()
    {
        Assert.Equal("ringHash and maglev cannot both be set", SingleError("ringHash: {}\nmaglev: {}\nuseSourceIp: true").Message);
    }

    [Fact]
    public void Load_DeprecatedMinimumRingSizeWithRingHash_ReportsIt()
    {
        var error = SingleError("minimumRingSize: 2048\nringHash:\n  minimumRingSize: 2048\nuseSourceIp: true");

        Assert.Equal("minimumRingSize is deprecated: set ringHash.minimumRingSize instead, not both", error.Message);
    }

    [Fact]
    public void Load_RingTooLarge_ReportsEnvoysLimit()
    {
        Assert.Equal("must be at most 8388608", SingleError("minimumRingSize: 9000000\nuseSourceIp: true").Message);
    }

    private static ConfigLoadResult LoadResult(string consistentHash)
    {
        var indented = string.Join('\n', consistentHash.Split('\n').Select(l => "        " + l));
        return MeshConfigLoader.Load(
            $"apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: svc\n  trafficPolicy:\n    loadBalancer:\n      consistentHash:\n{indented}\n",
            "t.yaml");
    }

    private static ConsistentHashSettings Load(string consistentHash)
    {
        var result = LoadResult(consistentHash);
        Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics));
        return ((DestinationRule)Assert.Single(result.Resources).Resource).Spec.TrafficPolicy!.LoadBalancer!.ConsistentHash!;
    }

    private static ConfigDiagnostic SingleError(string consistentHash)
        => Assert.Single(LoadResult(consistentHash).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
}
