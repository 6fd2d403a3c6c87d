using System.Text.Json;
using OrleansMesh.Configuration;
using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class MeshConfigWriterJsonTests
{
    [Theory]
    [MemberData(nameof(SampleDocuments.All), MemberType = typeof(SampleDocuments))]
    public void ToJson_EveryField_EachItemLoadsBackToEqualResource(string yaml)
    {
        var original = LoadAssert.Clean(yaml).Resources.Select(r => r.Resource).ToList();

        using var list = JsonDocument.Parse(MeshConfigWriter.ToJson(original));

        // JSON is YAML: every item goes back through the loader as it is.
        var reloaded = list.RootElement.GetProperty("items").EnumerateArray()
            .Select(item => MeshConfigLoader.Load(item.GetRawText(), "item.json"))
            .ToList();
        Assert.All(reloaded, r => Assert.True(r.Diagnostics.IsEmpty, string.Join("\n", r.Diagnostics)));
        Assert.Null(ContentEquality.FirstDifference(original, reloaded.SelectMany(r => r.Resources).Select(r => r.Resource).ToList()));
    }

    [Fact]
    public void ToJson_Resources_IsAKubernetesList()
    {
        var resources = LoadAssert.Clean(ConformanceFiles.Read("virtual-service-all-v1.yaml")).Resources.Select(r => r.Resource).ToList();

        using var list = JsonDocument.Parse(MeshConfigWriter.ToJson(resources));

        Assert.Equal("v1", list.RootElement.GetProperty("apiVersion").GetString());
        Assert.Equal("List", list.RootElement.GetProperty("kind").GetString());
        Assert.Equal(resources.Count, list.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal("VirtualService", list.RootElement.GetProperty("items")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void ToJson_WeightsAndFlags_AreJsonNumbersAndBooleansAndDurationsStrings()
    {
        var yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: ["reviews"]
              http:
              - timeout: 1500ms
                retries:
                  attempts: 3
                  retryRemoteLocalities: true
                route:
                - destination: {host: reviews, subset: "v1"}
                  weight: 90
                - destination: {host: reviews, subset: "2"}
                  weight: 10
            """;
        var resources = LoadAssert.Clean(yaml).Resources.Select(r => r.Resource).ToList();

        using var list = JsonDocument.Parse(MeshConfigWriter.ToJson(resources));
        var route = list.RootElement.GetProperty("items")[0].GetProperty("spec").GetProperty("http")[0];

        Assert.Equal(90, route.GetProperty("route")[0].GetProperty("weight").GetInt32());
        Assert.Equal(JsonValueKind.String, route.GetProperty("route")[1].GetProperty("destination").GetProperty("subset").ValueKind);
        Assert.Equal("2", route.GetProperty("route")[1].GetProperty("destination").GetProperty("subset").GetString());
        Assert.True(route.GetProperty("retries").GetProperty("retryRemoteLocalities").GetBoolean());
        Assert.Equal("1.5s", route.GetProperty("timeout").GetString());
    }
}
