using System.Net;
using OrleansMesh.ControlPlane;
using OrleansMesh.Integration.Tests.Infrastructure;
using OrleansMesh.Networking;

namespace OrleansMesh.Integration.Tests.Security;

/// <summary>
/// A real cluster, gateway (in istio-system, the default) and two model servers whose ServiceEntries are in two
/// namespaces: an AuthorizationPolicy of one namespace guards that namespace's endpoints only, one in istio-system both.
/// </summary>
public sealed class NamespaceScopedSecurityTests : IAsyncLifetime
{
    private const string AlphaHost = "alpha.test";
    private const string BetaHost = "beta.test";
    private const string AlphaNamespace = "team-a";
    private const string BetaNamespace = "team-b";
    private readonly MeshCluster _mesh = new(silos: 1);
    private ModelBackends _alpha = null!;
    private ModelBackends _beta = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        await _mesh.StartAsync();
        _alpha = await ModelBackends.StartAsync(AlphaHost, "v1");
        _beta = await ModelBackends.StartAsync(BetaHost, "v1");
        await _mesh.ApplyAsync(InNamespace(_alpha.ServiceEntryYaml(AlphaHost), AlphaHost, AlphaNamespace));
        await _mesh.ApplyAsync(InNamespace(_beta.ServiceEntryYaml(BetaHost), BetaHost, BetaNamespace));
        _gateway = await GatewayHost.StartAsync(_mesh.Grains);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(AlphaHost));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(BetaHost));
    }

    [Fact]
    public async Task Get_DenyAllInOneNamespace_ItsServiceForbiddenOtherServed()
    {
        await _mesh.ApplyAsync(DenyAll(AlphaNamespace));

        await Eventually.TrueAsync(async () => await StatusAsync(AlphaHost) == HttpStatusCode.Forbidden, "team-a's policy reaching the gateway");
        using var denied = await _gateway.GetAsync(AlphaHost, "/v1/models");
        Assert.Contains("team-a/deny-all", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(BetaHost));
    }

    [Fact]
    public async Task Get_AllowNothingInOneNamespace_ItsServiceForbiddenOtherServed()
    {
        await _mesh.ApplyAsync($"""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: allow-nothing
              namespace: {BetaNamespace}
            spec: {"{}"}
            """);

        await Eventually.TrueAsync(async () => await StatusAsync(BetaHost) == HttpStatusCode.Forbidden, "team-b's policy reaching the gateway");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(AlphaHost));
    }

    [Fact]
    public async Task Get_DenyAllMovedToRootNamespace_BothForbidden()
    {
        await _mesh.ApplyAsync(DenyAll(AlphaNamespace));
        await Eventually.TrueAsync(async () => await StatusAsync(AlphaHost) == HttpStatusCode.Forbidden, "team-a's policy reaching the gateway");

        var deleted = await _mesh.Config.DeleteAsync(new DeleteRequest { Resources = [new ResourceId(ResourceKind.AuthorizationPolicy, AlphaNamespace, "deny-all")] });
        Assert.True(deleted.Succeeded, string.Join(Environment.NewLine, deleted.Diagnostics));
        await _mesh.ApplyAsync(DenyAll("istio-system"));

        await Eventually.TrueAsync(async () => await StatusAsync(BetaHost) == HttpStatusCode.Forbidden, "istio-system's policy reaching the gateway");
        using var denied = await _gateway.GetAsync(AlphaHost, "/v1/models");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("istio-system/deny-all", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _beta.DisposeAsync();
        await _alpha.DisposeAsync();
        await _mesh.DisposeAsync();
    }

    private static string DenyAll(string @namespace) => $"""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-all
          namespace: {@namespace}
        spec:
          action: DENY
          rules:
          - {"{}"}
        """;

    private static string InNamespace(string serviceEntry, string host, string @namespace)
    {
        var yaml = serviceEntry.ReplaceLineEndings("\n");
        var placed = yaml.Replace($"  name: {host}\n", $"  name: {host}\n  namespace: {@namespace}\n", StringComparison.Ordinal);
        Assert.NotEqual(yaml, placed);
        return placed;
    }

    private async Task<HttpStatusCode> StatusAsync(string host)
    {
        using var response = await _gateway.GetAsync(host, "/v1/models");
        return response.StatusCode;
    }
}
