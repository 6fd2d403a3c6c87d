using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Gateway.Forwarding;
using OrleansMesh.Gateway.Routing;
using OrleansMesh.GatewayApi;
using OrleansMesh.Networking;
using static OrleansMesh.Gateway.Tests.Mesh;
using IstioGateway = OrleansMesh.Networking.Gateway;

namespace OrleansMesh.Gateway.Tests.Routing;

/// <summary>Gateway API HTTPRoutes, translated as the control plane translates them, compiled and matched by a gateway.</summary>
public sealed class HttpRouteRoutingTests
{
    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: inference-gateway
        spec:
          gatewayClassName: istio
          listeners:
          - name: http
            port: 80
            protocol: HTTP
            hostname: llm.example.com
        """;

    [Theory]
    [InlineData("/v1", "http://127.0.0.1:9080")]
    [InlineData("/v1/chat/completions", "http://127.0.0.1:9080")]
    [InlineData("/v1x", null)]
    public void Route_PathPrefix_MatchesWholeSegmentsOnly(string path, string? expected)
    {
        var snapshot = CompileRoutes(Route("r", "- path: {type: PathPrefix, value: /v1/}", "a"));

        Assert.Equal(expected, Pick(snapshot, path));
    }

    [Fact]
    public void Route_ExactPathOfANewerRoute_WinsOverAnOlderPrefix()
    {
        var snapshot = CompileRoutes(Route("older", "- path: {value: /v1}", "a"), Route("newer", "- path: {type: Exact, value: /v1/models}", "b"));

        Assert.Equal("http://127.0.0.2:9080", Pick(snapshot, "/v1/models"));
        Assert.Equal("http://127.0.0.1:9080", Pick(snapshot, "/v1/chat"));
    }

    [Fact]
    public void Route_HostOutsideTheListenerHostname_HasNoRoute()
    {
        var snapshot = CompileRoutes(Route("r", "- path: {value: /}", "a"));

        Assert.Null(snapshot.FindHost("other.example.com"));
    }

    [Fact]
    public void Route_GatewayWithoutTheListener_ServesNothing()
    {
        var expanded = Expand(Route("r", "- path: {value: /}", "a"));
        var tables = Tables(expanded);

        var snapshot = Mesh.Compile(NoLabels, [], tables);

        Assert.Null(snapshot.FindHost("llm.example.com")?.Route(Requests.Get("/", host: "llm.example.com"), out _));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("inference-gateway", true)]
    [InlineData("other-gateway", false)]
    public void Compile_GatewayNameLabel_DedicatesAGatewayToOneGatewayApiGateway(string? label, bool serves)
    {
        var expanded = Expand(Route("r", "- path: {value: /}", "a"));
        var labels = label is null ? Labels(("istio", "ingressgateway")) : Labels(("istio", "ingressgateway"), (GatewayApiTranslator.GatewayNameLabel, label));

        var snapshot = Mesh.Compile(labels, [.. expanded.OfType<IstioGateway>()], Tables(expanded));

        Assert.Equal(serves, snapshot.FindHost("llm.example.com")?.Route(Requests.Get("/", host: "llm.example.com"), out _) is not null);
    }

    [Theory]
    [InlineData("/llm", "/v1")]
    [InlineData("/llm/chat/completions", "/v1/chat/completions")]
    public void Rewrite_ReplacePrefixMatch_ReplacesJustTheMatchedSegments(string path, string expected)
    {
        var http = Http(Route("r", "- path: {value: /llm}\n    filters:\n    - type: URLRewrite\n      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v1}}", "a"));

        var rewrite = PathRewrite.Create(http.Rewrite, new RequestMatch(http.Match[0]).RewritablePrefix);

        Assert.Equal(expected, rewrite!.Apply(path));
    }

    [Fact]
    public void Rewrite_ReplacePrefixMatchWithSlash_DropsThePrefix()
    {
        var http = Http(Route("r", "- path: {value: /llm}\n    filters:\n    - type: URLRewrite\n      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}", "a"));

        var rewrite = PathRewrite.Create(http.Rewrite, new RequestMatch(http.Match[0]).RewritablePrefix);

        Assert.Equal(("/chat", "/"), (rewrite!.Apply("/llm/chat"), rewrite.Apply("/llm")));
    }

    [Fact]
    public void Rewrite_ReplaceFullPath_ReplacesThePath()
    {
        var http = Http(Route("r", "- path: {value: /llm}\n    filters:\n    - type: URLRewrite\n      urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /v1/completions}}", "a"));

        var rewrite = PathRewrite.Create(http.Rewrite, new RequestMatch(http.Match[0]).RewritablePrefix);

        Assert.Equal("/v1/completions", rewrite!.Apply("/llm/anything/here"));
    }

    [Fact]
    public void Route_HeaderRegularExpressionMatch_SelectsItsRule()
    {
        var snapshot = CompileRoutes(
            Route("plain", "- path: {value: /}", "a"),
            Route("adapter", "- path: {value: /}\n      headers: [{type: RegularExpression, name: x-model, value: 'sql-.*'}]", "b"));

        var request = Requests.Get("/v1", host: "llm.example.com");
        request.Headers["x-model"] = "sql-lora";

        Assert.Equal("http://127.0.0.2:9080", Pick(snapshot, request));
    }

    private static string Route(string name, string matches, string service) => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: {name}
        spec:
          parentRefs:
          - name: inference-gateway
          rules:
          - matches:
            {matches}
            backendRefs:
            - name: {service}
              port: 9080
        """;

    private static IReadOnlyList<MeshResource> Expand(params string[] routes)
    {
        var loaded = MeshConfigLoader.Load(string.Join("\n---\n", [Gateway, .. routes]), "test.yaml");
        Assert.Empty(loaded.Diagnostics);
        return GatewayApiTranslator.Expand([.. loaded.Resources.Select(r => r.Resource)]);
    }

    private static HttpRoute Http(string route) => Expand(route).OfType<VirtualService>().Single().Spec.Http[0];

    // The control plane's tables: each translated host, and two services a and b.
    private static RouteTable[] Tables(IReadOnlyList<MeshResource> expanded) =>
    [
        .. expanded.OfType<VirtualService>().Select(vs => Table(vs.Spec.Hosts[0], virtualServices: vs)),
        Table("a.default.svc.cluster.local", Service("a.default.svc.cluster.local", Workload("127.0.0.1"))),
        Table("b.default.svc.cluster.local", Service("b.default.svc.cluster.local", Workload("127.0.0.2"))),
    ];

    private static RoutingSnapshot CompileRoutes(params string[] routes)
    {
        var expanded = Expand(routes);
        return Mesh.Compile(NoLabels, [.. expanded.OfType<IstioGateway>()], Tables(expanded));
    }

    private static string? Pick(RoutingSnapshot snapshot, string path) => Pick(snapshot, Requests.Get(path, host: "llm.example.com"));

    private static string? Pick(RoutingSnapshot snapshot, HttpRequest request)
    {
        var route = snapshot.FindHost(request.Host.Value!)?.Route(request, out _);
        return route is null ? null : Assert.IsType<ForwardAction>(route.Action).Pick(0).Cluster.PickEndpoint()?.DestinationPrefix;
    }
}
