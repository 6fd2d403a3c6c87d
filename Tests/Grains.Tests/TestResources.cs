using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Config;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Tests;

/// <summary>Small, valid Istio resources for tests; every call builds fresh instances.</summary>
internal static class TestResources
{
    public static string UniqueHost(string prefix = "svc") => $"{prefix}-{Guid.NewGuid():N}.mesh.test";

    public static VirtualService VirtualService(string name, string[] hosts, string? destination = null, string ns = "default") => new()
    {
        Metadata = new ResourceMetadata { Name = name, Namespace = ns },
        Spec = new VirtualServiceSpec
        {
            Hosts = [.. hosts],
            Http =
            [
                new HttpRoute
                {
                    Route = [new HttpRouteDestination { Destination = new Destination { Host = destination ?? hosts[0] } }],
                },
            ],
        },
    };

    public static DestinationRule DestinationRule(string name, string host, string ns = "default") => new()
    {
        Metadata = new ResourceMetadata { Name = name, Namespace = ns },
        Spec = new DestinationRuleSpec { Host = host },
    };

    public static ServiceEntry ServiceEntry(
        string name,
        string[] hosts,
        uint[]? ports = null,
        IReadOnlyDictionary<string, string>? selector = null,
        string[]? endpoints = null,
        string ns = "default") => new()
    {
        Metadata = new ResourceMetadata { Name = name, Namespace = ns },
        Spec = new ServiceEntrySpec
        {
            Hosts = [.. hosts],
            Ports = [.. (ports ?? [8080]).Select(p => new ServicePort { Number = p, Name = $"http-{p}", Protocol = "HTTP" })],
            Location = "MESH_INTERNAL",
            Resolution = "STATIC",
            Endpoints = [.. (endpoints ?? []).Select(a => new WorkloadEntrySpec { Address = a })],
            WorkloadSelector = selector is null ? null : new WorkloadSelector { Labels = selector.ToImmutableDictionary() },
        },
    };

    public static WorkloadEntry WorkloadEntry(string name, string address, IReadOnlyDictionary<string, string> labels, string ns = "default") => new()
    {
        Metadata = new ResourceMetadata { Name = name, Namespace = ns },
        Spec = new WorkloadEntrySpec { Address = address, Labels = labels.ToImmutableDictionary() },
    };

    public static Gateway Gateway(string name, string ns = "default") => new()
    {
        Metadata = new ResourceMetadata { Name = name, Namespace = ns },
        Spec = new GatewaySpec
        {
            Selector = ImmutableDictionary<string, string>.Empty.Add("istio", "ingressgateway"),
            Servers = [new GatewayServer { Port = new GatewayPort { Number = 80, Name = "http", Protocol = "HTTP" }, Hosts = ["*"] }],
        },
    };

    public static StoredResource Stored(MeshResource resource, long revision) =>
        new() { Resource = resource, CreatedRevision = revision, CreatedAt = DateTimeOffset.UnixEpoch };

    public static ApplyRequest Apply(params MeshResource[] resources) =>
        new() { Resources = [.. resources.Select(r => new SourcedResource { Resource = r })] };

    public static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(l => l.Key, l => l.Value);
}
