using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Deployment.Tests.Redis;

/// <summary>A small valid mesh config to apply, and the request that applies it.</summary>
internal static class TestConfig
{
    public static ApplyRequest Request(string host)
    {
        var loaded = MeshConfigLoader.Load(
            $"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: {host}
            spec:
              hosts:
              - {host}
              location: MESH_INTERNAL
              resolution: STATIC
              ports:
              - number: 80
                name: http
                protocol: HTTP
              endpoints:
              - address: 127.0.0.1
                ports:
                  http: 9
            """,
            "test.yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        return new ApplyRequest { Resources = loaded.Resources };
    }

    /// <summary>The hosts with a route table in <paramref name="snapshot"/>.</summary>
    public static IEnumerable<string> Hosts(MeshSnapshot snapshot) => snapshot.Tables.Select(t => t.Host);
}
