using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Benchmarks;

/// <summary>
/// A mesh the size of a large inference fleet: <see cref="ServiceCount"/> services, each with a ServiceEntry of
/// <see cref="EndpointsPerService"/> endpoints in five versions, a DestinationRule with five subsets, and a
/// VirtualService of six routes mixing uri prefix/exact/regex and header matches over weighted subsets; plus
/// <c>*.suffix</c> wildcards and a <c>*</c> catch-all.
/// </summary>
internal static class BenchmarkMesh
{
    public const int ServiceCount = 1_000;
    public const int WildcardCount = 20;
    public const int EndpointsPerService = 10;
    public const string Namespace = "bench";

    public static readonly ImmutableDictionary<string, string> GatewayLabels =
        ImmutableDictionary<string, string>.Empty.Add("istio", "ingressgateway");

    private static readonly string[] s_versions = ["v1", "v2", "v3", "v4", "v5"];

    public static string ServiceHost(int index) => $"model-{index:D4}.{Namespace}.svc.cluster.local";

    /// <summary>A host the wildcard <c>*.team-NN.example.com</c> of <paramref name="team"/> covers.</summary>
    public static string WildcardHost(int team) => $"api.team-{team:D2}.example.com";

    /// <summary>Services alternate between ROUND_ROBIN (even) and LEAST_REQUEST (odd) endpoint picking.</summary>
    public static SimpleLoadBalancer Policy(int index) => index % 2 == 0 ? SimpleLoadBalancer.RoundRobin : SimpleLoadBalancer.LeastRequest;

    public static MeshSnapshot Create()
    {
        var tables = ImmutableArray.CreateBuilder<RouteTable>(ServiceCount + WildcardCount + 1);
        for (var i = 0; i < ServiceCount; i++)
        {
            var host = ServiceHost(i);
            tables.Add(new RouteTable
            {
                Host = host,
                Generation = 1,
                Service = Service(host, i),
                DestinationRule = Rule(host, i),
                VirtualServices = [ServiceRoutes(host, i)],
            });
        }

        for (var team = 0; team < WildcardCount; team++)
        {
            var pattern = $"*.team-{team:D2}.example.com";
            tables.Add(new RouteTable { Host = pattern, Generation = 1, VirtualServices = [Forward($"team-{team:D2}", pattern, ServiceHost(team))] });
        }

        tables.Add(new RouteTable { Host = "*", Generation = 1, VirtualServices = [Forward("catch-all", "*", ServiceHost(0))] });
        return new MeshSnapshot { Generation = 1, Tables = tables.MoveToImmutable() };
    }

    private static ServiceDefinition Service(string host, int index) => new()
    {
        Host = host,
        Ports = [new ServicePort { Number = 80, Name = "http", Protocol = "HTTP" }],
        Endpoints = [.. Enumerable.Range(0, EndpointsPerService).Select(k => new WorkloadEntrySpec
        {
            // Config data only: nothing is ever sent to these ports.
            Address = "127.0.0.1",
            Ports = ImmutableDictionary<string, uint>.Empty.Add("http", (uint)(10_000 + (index * EndpointsPerService) + k)),
            Labels = ImmutableDictionary<string, string>.Empty.Add("app", host).Add("version", s_versions[k % s_versions.Length]),
        })],
    };

    private static DestinationRule Rule(string host, int index) => new()
    {
        Metadata = new ResourceMetadata { Name = $"model-{index:D4}", Namespace = Namespace },
        Spec = new DestinationRuleSpec
        {
            Host = host,
            TrafficPolicy = new TrafficPolicy { LoadBalancer = new LoadBalancerSettings { Simple = Policy(index) } },
            Subsets = [.. s_versions.Select(v => new Subset { Name = v, Labels = ImmutableDictionary<string, string>.Empty.Add("version", v) })],
        },
    };

    /// <summary>
    /// Route 1: canary header on the chat prefix; 2: exact models listing; 3: regex model version path;
    /// 4: embeddings prefix split over five subsets; 5: premium-tier header; 6: default 90/10 split.
    /// </summary>
    private static VirtualService ServiceRoutes(string host, int index) => new()
    {
        Metadata = new ResourceMetadata { Name = $"model-{index:D4}", Namespace = Namespace },
        Spec = new VirtualServiceSpec
        {
            Hosts = [host],
            Http =
            [
                Route("canary", new HttpMatchRequest { Uri = StringMatch.Prefix("/v1/chat"), Headers = Header("x-canary", StringMatch.Exact("true")) }, To(host, ("v2", 100))),
                Route("models", new HttpMatchRequest { Uri = StringMatch.Exact("/v1/models") }, To(host, ("v1", 100))),
                Route("model-version", new HttpMatchRequest { Uri = StringMatch.Regex("/v1/models/[a-z0-9.-]+/versions/[0-9]+") }, To(host, ("v1", 50), ("v2", 50))),
                Route("embeddings", new HttpMatchRequest { Uri = StringMatch.Prefix("/v1/embeddings") }, To(host, ("v1", 20), ("v2", 20), ("v3", 20), ("v4", 20), ("v5", 20))),
                Route("premium", new HttpMatchRequest { Headers = Header("x-tier", StringMatch.Exact("premium")) }, To(host, ("v3", 100))),
                new HttpRoute { Name = "default", Route = To(host, ("v1", 90), ("v2", 10)) },
            ],
        },
    };

    private static VirtualService Forward(string name, string pattern, string destination) => new()
    {
        Metadata = new ResourceMetadata { Name = name, Namespace = Namespace },
        Spec = new VirtualServiceSpec
        {
            Hosts = [pattern],
            // No subset: the whole service, all of its endpoints.
            Http = [Route("prefix", new HttpMatchRequest { Uri = StringMatch.Prefix("/") }, To(destination, (null, 100)))],
        },
    };

    private static HttpRoute Route(string name, HttpMatchRequest match, ImmutableArray<HttpRouteDestination> to)
        => new() { Name = name, Match = [match], Route = to };

    private static ImmutableDictionary<string, StringMatch> Header(string name, StringMatch match)
        => ImmutableDictionary<string, StringMatch>.Empty.Add(name, match);

    private static ImmutableArray<HttpRouteDestination> To(string host, params (string? Subset, int Weight)[] destinations)
        => [.. destinations.Select(d => new HttpRouteDestination { Destination = new Destination { Host = host, Subset = d.Subset }, Weight = d.Weight })];
}
