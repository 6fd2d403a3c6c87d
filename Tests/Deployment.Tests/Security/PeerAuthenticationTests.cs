using System.Net;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.Processes;

namespace OrleansMesh.Deployment.Tests.Security;

/// <summary>
/// The stand-alone demo model server in <c>ModelServer__MeshTls=Mesh</c> enforces the PeerAuthentication the mesh holds
/// for its namespace and labels, and follows changes applied through the config grain.
/// </summary>
public sealed class PeerAuthenticationTests : IAsyncLifetime
{
    private const string Model = "chat-model";
    private const string Namespace = "models";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private LocalMesh _mesh = null!;

    public async Task InitializeAsync() => _mesh = await LocalMesh.StartAsync("peer-auth-silo");

    [Fact]
    public async Task MeshModeServer_FollowsNamespaceThenWorkloadPeerAuthentication()
    {
        await using var server = ModelServerProcess.Launch(Model, "v1", environment: await ServerEnvironmentAsync());

        await UntilAsync(server, "no PeerAuthentication (PERMISSIVE): plain text served", async () => await PlainAsync(server) == HttpStatusCode.OK);

        await ApplyAsync(Policy("default", selector: null, "STRICT"));
        await UntilAsync(server, "namespace-wide STRICT: plain text refused, mesh client served", async () =>
            await PlainAsync(server) is null && await MeshAsync(server) == HttpStatusCode.OK);

        await ApplyAsync(Policy(Model, selector: Model, "PERMISSIVE"));
        await UntilAsync(server, "workload PERMISSIVE over namespace STRICT: plain text served", async () => await PlainAsync(server) == HttpStatusCode.OK);

        await ApplyAsync(Policy(Model, selector: Model, "DISABLE"));
        await UntilAsync(server, "workload DISABLE: mesh client refused, plain text served", async () =>
            await MeshAsync(server) is null && await PlainAsync(server) == HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    private static string Policy(string name, string? selector, string mode) => $"""
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: {name}
          namespace: {Namespace}
        spec:
        {(selector is null ? "" : $"  selector:\n    matchLabels:\n      app: {selector}\n")}  mtls:
            mode: {mode}
        """;

    private async Task ApplyAsync(string yaml)
    {
        var loaded = MeshConfigLoader.Load(yaml, "peer-authentication.yaml");
        Assert.False(loaded.HasErrors, string.Join(Environment.NewLine, loaded.Diagnostics));
        var result = await _mesh.Client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey)
            .ApplyAsync(new ApplyRequest { Resources = loaded.Resources })
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
    }

    // Each probe opens a new connection, so it gets the mode in force now; the bound covers the server's start, its
    // first read of the mesh, its certificate and one poll interval after each change.
    private static async Task UntilAsync(ModelServerProcess server, string what, Func<Task<bool>> condition)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(start) < Bound && !server.Process.HasExited)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"not reached within {Bound.TotalSeconds} s: {what}{Environment.NewLine}{server.Process.Output}");
    }

    private static async Task<HttpStatusCode?> PlainAsync(ModelServerProcess server)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await LocalMesh.TryGetAsync(client, $"http://127.0.0.1:{server.Port}/healthz");
    }

    private async Task<HttpStatusCode?> MeshAsync(ModelServerProcess server)
    {
        using var client = _mesh.MeshClient();
        return await LocalMesh.TryGetAsync(client, $"https://127.0.0.1:{server.Port}/healthz");
    }

    private async Task<Dictionary<string, string>> ServerEnvironmentAsync()
    {
        var environment = _mesh.ClientEnvironment();
        environment["ModelServer__JoinToken"] = await _mesh.JoinTokenAsync(Namespace, Model);
        environment["ModelServer__MeshTls"] = "Mesh";
        environment["ModelServer__Namespace"] = Namespace;
        environment["ModelServer__PeerAuthenticationPollInterval"] = "00:00:00.500";
        return environment;
    }
}
