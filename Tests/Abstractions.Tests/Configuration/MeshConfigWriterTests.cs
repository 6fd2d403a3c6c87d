using System.Collections.Immutable;
using OrleansMesh.Configuration;
using OrleansMesh.Networking;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class MeshConfigWriterTests
{
    [Theory]
    [MemberData(nameof(SampleDocuments.All), MemberType = typeof(SampleDocuments))]
    public void ToYaml_EveryField_LoadsBackToEqualResource(string yaml)
    {
        var original = LoadAssert.Clean(yaml).Resources.Select(r => r.Resource).ToList();

        var written = MeshConfigWriter.ToYaml(original);
        var reloaded = MeshConfigLoader.Load(written, "written.yaml");

        Assert.True(reloaded.Diagnostics.IsEmpty, string.Join("\n", reloaded.Diagnostics) + "\n" + written);
        Assert.Null(ContentEquality.FirstDifference(original, reloaded.Resources.Select(r => r.Resource).ToList()));
    }

    [Fact]
    public void ToYaml_AllSamples_WritesOneDocumentEach()
    {
        string[] samples = [SampleDocuments.VirtualService, SampleDocuments.DestinationRule, SampleDocuments.ServiceEntry, SampleDocuments.WorkloadEntry, SampleDocuments.Gateway];
        var resources = samples.SelectMany(y => LoadAssert.Clean(y).Resources).Select(r => r.Resource).ToList();

        var reloaded = MeshConfigLoader.Load(MeshConfigWriter.ToYaml(resources), "written.yaml");

        Assert.Equal([1, 2, 3, 4, 5], reloaded.Resources.Select(r => r.Origin!.Document).ToArray());
        Assert.Null(ContentEquality.FirstDifference(resources, reloaded.Resources.Select(r => r.Resource).ToList()));
    }

    [Fact]
    public void ToYaml_VirtualService_UsesIstioSpellingAndOmitsUnsetFields()
    {
        var service = new VirtualService
        {
            Metadata = new ResourceMetadata { Name = "reviews" },
            Spec = new VirtualServiceSpec
            {
                Hosts = ["reviews"],
                Http =
                [
                    new HttpRoute
                    {
                        Route = [new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = "v1" } }],
                        Timeout = TimeSpan.FromMilliseconds(1500),
                        Retries = new HttpRetry { Attempts = 2, PerTryTimeout = TimeSpan.FromMilliseconds(500) },
                        Fault = new HttpFaultInjection { Delay = new FaultDelay { FixedDelay = TimeSpan.FromSeconds(7) } },
                    },
                ],
            },
        };

        var yaml = MeshConfigWriter.ToYaml([service]);

        Assert.Equal(
            """
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts:
              - reviews
              http:
              - route:
                - destination:
                    host: reviews
                    subset: v1
                timeout: 1.5s
                retries:
                  attempts: 2
                  perTryTimeout: 500ms
                fault:
                  delay:
                    fixedDelay: 7s

            """,
            yaml);
    }

    [Fact]
    public void ToYaml_DestinationRule_WritesEnumsInIstioSpelling()
    {
        var rule = new DestinationRule
        {
            Metadata = new ResourceMetadata { Name = "reviews", Namespace = "shop" },
            Spec = new DestinationRuleSpec
            {
                Host = "reviews",
                TrafficPolicy = new TrafficPolicy
                {
                    LoadBalancer = new LoadBalancerSettings { Simple = SimpleLoadBalancer.RoundRobin },
                    Tls = new ClientTlsSettings { Mode = ClientTlsMode.IstioMutual },
                },
            },
        };

        var yaml = MeshConfigWriter.ToYaml([rule]);

        Assert.Contains("  namespace: shop\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      simple: ROUND_ROBIN\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      mode: ISTIO_MUTUAL\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToYaml_StringsThatLookLikeOtherTypes_AreQuoted()
    {
        var entry = new WorkloadEntry
        {
            Metadata = new ResourceMetadata { Name = "w", Labels = ImmutableDictionaryOf(("version", "1"), ("enabled", "true"), ("empty", "")) },
            Spec = new WorkloadEntrySpec { Address = "127.0.0.1" },
        };

        var yaml = MeshConfigWriter.ToYaml([entry]);
        var reloaded = (WorkloadEntry)LoadAssert.Clean(yaml).Resources[0].Resource;

        Assert.Contains("version: \"1\"", yaml, StringComparison.Ordinal);
        Assert.Equal("1", reloaded.Metadata.Labels["version"]);
        Assert.Equal("true", reloaded.Metadata.Labels["enabled"]);
        Assert.Equal("", reloaded.Metadata.Labels["empty"]);
    }

    [Fact]
    public void ToYaml_MultiLineBodyAndFractions_RoundTrip()
    {
        var service = new VirtualService
        {
            Metadata = new ResourceMetadata { Name = "health", Annotations = ImmutableDictionaryOf(("note", "a: b # not a comment")) },
            Spec = new VirtualServiceSpec
            {
                Hosts = ["health"],
                Http =
                [
                    new HttpRoute
                    {
                        DirectResponse = new HttpDirectResponse { Status = 503, Body = "line one\nline \"two\" – ünïcode\n" },
                        Fault = new HttpFaultInjection { Abort = new FaultAbort { HttpStatus = 503, Percentage = new Percent { Value = 0.1 } } },
                        Timeout = TimeSpan.FromTicks(1234567),
                    },
                ],
            },
        };

        var reloaded = LoadAssert.Clean(MeshConfigWriter.ToYaml([service])).Resources.Select(r => r.Resource).ToList();

        Assert.Null(ContentEquality.FirstDifference(new List<MeshResource> { service }, reloaded));
    }

    private static ImmutableDictionary<string, string> ImmutableDictionaryOf(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value).ToImmutableDictionary();
}
