using OrleansMesh.Configuration;
using OrleansMesh.Networking;

namespace OrleansMesh.Deployment.Tests.Processes;

public sealed class ModelServiceYamlTests
{
    [Fact]
    public void ServiceEntry_WithVersions_LoadsWithEachPortAndLabel()
    {
        var yaml = ModelServiceYaml.ServiceEntry("chat-model", [(9101, "v1"), (9102, (string?)null)]) + "\n" + Empty;

        var entry = Assert.IsType<ServiceEntry>(Load(yaml)[0]);

        Assert.Equal("chat-model", Assert.Single(entry.Spec.Hosts));
        Assert.Equal([9101u, 9102u], entry.Spec.Endpoints.Select(e => e.Ports["http"]));
        Assert.Equal("v1", entry.Spec.Endpoints[0].Labels["version"]);
        Assert.Empty(entry.Spec.Endpoints[1].Labels);
    }

    // The document that follows the ServiceEntry in every use: the separator must leave it a document of its own.
    private const string Empty = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: chat-model
        spec:
          host: chat-model
        """;

    private static List<MeshResource> Load(string yaml)
    {
        var result = MeshConfigLoader.Load(yaml, "model-service.yaml");
        Assert.True(result.Diagnostics.IsEmpty, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(2, result.Resources.Length);
        return [.. result.Resources.Select(r => r.Resource)];
    }
}
