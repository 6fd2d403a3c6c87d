using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Health;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.Networking;
using IstioGateway = OrleansMesh.Networking.Gateway;

namespace OrleansMesh.Gateway.Tests;

/// <summary>Builds the control plane's records the way the route-table grains hand them to a gateway.</summary>
internal static class Mesh
{
    public static readonly IReadOnlyDictionary<string, string> IngressLabels =
        ImmutableDictionary<string, string>.Empty.Add("istio", "ingressgateway");

    public static readonly IReadOnlyDictionary<string, string> NoLabels = ImmutableDictionary<string, string>.Empty;

    public static RoutingSnapshot Compile(params RouteTable[] tables) => Compile(NoLabels, [], tables);

    /// <summary>A compiler with its own caches and the default resilience, as a gateway builds one.</summary>
    public static RoutingSnapshotCompiler Compiler(EndpointStateCache states, Random random, HealthRegistry? health = null) =>
        new(states, random, new RegexCache(), ResilienceCompiler.CreateDefault(random), health ?? new HealthRegistry(TimeProvider.System));

    public static RoutingSnapshot Compile(IReadOnlyDictionary<string, string> labels, IstioGateway[] gateways, params RouteTable[] tables) =>
        Compiler(new EndpointStateCache(), new Random(1))
            .Compile(new MeshSnapshot { Generation = 1, Tables = [.. tables], Gateways = [.. gateways] }, labels);

    public static RouteTable Table(string host, ServiceDefinition? service = null, DestinationRule? rule = null, params VirtualService[] virtualServices) =>
        new() { Host = host, Service = service, DestinationRule = rule, VirtualServices = [.. virtualServices] };

    public static ServiceDefinition Service(string host, ServicePort[] ports, params WorkloadEntrySpec[] endpoints) =>
        new() { Host = host, Ports = [.. ports], Endpoints = [.. endpoints] };

    public static ServiceDefinition Service(string host, params WorkloadEntrySpec[] endpoints) =>
        Service(host, [HttpPort(9080)], endpoints);

    public static ServicePort HttpPort(uint number, string name = "http", uint? targetPort = null) =>
        new() { Number = number, Name = name, Protocol = "HTTP", TargetPort = targetPort };

    public static WorkloadEntrySpec Workload(string address, string? version = null) =>
        new()
        {
            Address = address,
            Labels = version is null ? ImmutableDictionary<string, string>.Empty : Labels(("app", "svc"), ("version", version)),
        };

    public static ImmutableDictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToImmutableDictionary(l => l.Key, l => l.Value);

    public static VirtualService VirtualService(string name, string[] hosts, string[] gateways, params HttpRoute[] http) =>
        new()
        {
            Metadata = new ResourceMetadata { Name = name },
            Spec = new VirtualServiceSpec { Hosts = [.. hosts], Gateways = [.. gateways], Http = [.. http] },
        };

    public static VirtualService VirtualService(string host, params HttpRoute[] http) => VirtualService(host, [host], [], http);

    public static HttpRoute RouteTo(string host, string? subset = null, uint? port = null) =>
        new() { Route = [new HttpRouteDestination { Destination = new Destination { Host = host, Subset = subset, Port = port } }] };

    public static HttpRoute Answer(int status, params HttpMatchRequest[] match) =>
        new() { Match = [.. match], DirectResponse = new HttpDirectResponse { Status = status } };

    public static HttpMatchRequest Uri(StringMatch uri) => new() { Uri = uri };

    public static DestinationRule Rule(string host, TrafficPolicy? policy, params Subset[] subsets) =>
        new()
        {
            Metadata = new ResourceMetadata { Name = host },
            Spec = new DestinationRuleSpec { Host = host, TrafficPolicy = policy, Subsets = [.. subsets] },
        };

    public static Subset Subset(string name, params (string Key, string Value)[] labels) => new() { Name = name, Labels = Labels(labels) };

    public static TrafficPolicy Balance(SimpleLoadBalancer simple) => new() { LoadBalancer = new LoadBalancerSettings { Simple = simple } };

    public static IstioGateway IngressGateway(string name, string @namespace = "default", params string[] hosts) =>
        new()
        {
            Metadata = new ResourceMetadata { Name = name, Namespace = @namespace },
            Spec = new GatewaySpec
            {
                Selector = Labels(("istio", "ingressgateway")),
                Servers = [new GatewayServer { Port = new GatewayPort { Number = 8080, Name = "http", Protocol = "HTTP" }, Hosts = hosts.Length == 0 ? ["*"] : [.. hosts] }],
            },
        };

    /// <summary>The forward action of the first route of <paramref name="host"/>.</summary>
    public static ForwardAction Forward(RoutingSnapshot snapshot, string host)
    {
        var virtualHost = snapshot.FindHost(host) ?? throw new InvalidOperationException($"no virtual host for {host}");
        return Assert.IsType<ForwardAction>(virtualHost.Routes[0].Action);
    }

    /// <summary>The cluster of the first destination of the first route of <paramref name="host"/>.</summary>
    public static UpstreamCluster Cluster(RoutingSnapshot snapshot, string host) => Forward(snapshot, host).Destinations[0].Cluster;

    public static string[] Prefixes(UpstreamCluster cluster) => [.. cluster.Endpoints.Select(e => e.DestinationPrefix)];
}
