using System.Net;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Deployment.Tests.Security;

/// <summary>
/// The stand-alone demo model server in STRICT mesh TLS gets its own certificate from the mesh CA (it joins the cluster
/// as gateways do) and then serves only clients holding a mesh certificate.
/// </summary>
public sealed class ModelServerIdentityTests : IAsyncLifetime
{
    private static readonly TimeSpan ServingBound = TimeSpan.FromSeconds(60);

    private LocalMesh _mesh = null!;

    public async Task InitializeAsync() => _mesh = await LocalMesh.StartAsync("identity-silo");

    [Fact]
    public async Task StrictModelServer_GetsItsOwnCertificateAndServesMeshClientsOnly()
    {
        var environment = _mesh.ClientEnvironment();
        environment["ModelServer__MeshTls"] = "Strict";
        environment["ModelServer__Namespace"] = "models";
        environment["ModelServer__ServiceAccount"] = "chat-model";
        environment["ModelServer__JoinToken"] = await _mesh.JoinTokenAsync("models", "chat-model");
        await using var server = ModelServerProcess.Launch("chat-model", "v1", environment: environment);
        var url = $"https://127.0.0.1:{server.Port}/healthz";
        X509Certificate2? presented = null;
        using var mesh = _mesh.MeshClient(certificate => presented = certificate);

        var status = await ServedAsync(mesh, url, server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("spiffe://cluster.local/ns/models/sa/chat-model", SubjectAltNames.SpiffeIdOf(presented!)?.ToString());
        using var anonymous = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } }) { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Null(await LocalMesh.TryGetAsync(anonymous, url));
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Null(await LocalMesh.TryGetAsync(plain, $"http://127.0.0.1:{server.Port}/healthz"));
    }

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    // Polls until the server holds its certificate (it asks the CA after it starts); a handshake fails until then.
    private static async Task<HttpStatusCode?> ServedAsync(HttpClient client, string url, ModelServerProcess server)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(start) < ServingBound && !server.Process.HasExited)
        {
            if (await LocalMesh.TryGetAsync(client, url) is { } status)
            {
                return status;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the model server never served over mesh TLS:{Environment.NewLine}{server.Process.Output}");
        return null;
    }
}
