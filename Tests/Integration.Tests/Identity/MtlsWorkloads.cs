using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Gateway.Security.Identity;
using OrleansMesh.Grains.Identity;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Security;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Integration.Tests.Identity;

/// <summary>Model servers in a mesh TLS mode and clients with or without mesh certificates, all on 127.0.0.1.</summary>
internal static class MtlsWorkloads
{
    /// <summary>A workload identity in namespace "models" holding its first certificate, got with a join token minted as an operator would.</summary>
    public static async Task<WorkloadIdentity> IdentityAsync(IGrainFactory grains, string serviceAccount, TimeSpan? ttl = null)
    {
        var identity = new WorkloadIdentity(grains, new WorkloadIdentityOptions
        {
            Namespace = "models",
            ServiceAccount = serviceAccount,
            JoinToken = await JoinTokenAsync(grains, "models", serviceAccount),
            Ttl = ttl,
            RevocationPollInterval = TimeSpan.FromMilliseconds(200),
            RetryDelay = TimeSpan.FromMilliseconds(200),
        }, TimeProvider.System);
        await identity.StartAsync();
        return identity;
    }

    /// <summary>A join token for <paramref name="namespace"/>/<paramref name="serviceAccount"/>, from the CA (what <c>meshctl identity token create</c> calls).</summary>
    public static async Task<string> JoinTokenAsync(IGrainFactory grains, string @namespace, string serviceAccount) =>
        (await grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey).CreateJoinTokenAsync(@namespace, serviceAccount, null)).Token;

    /// <summary>Settings of a gateway with identity as <c>istio-system/ingress</c>, with a join token for it.</summary>
    public static async Task<Dictionary<string, string?>> IngressIdentitySettingsAsync(IGrainFactory grains) => new()
    {
        ["OrleansMesh:Gateway:Identity:Enabled"] = "true",
        ["OrleansMesh:Gateway:Identity:ServiceAccount"] = "ingress",
        ["OrleansMesh:Gateway:Identity:JoinToken"] = await JoinTokenAsync(grains, "istio-system", "ingress"),
    };

    /// <summary>Starts a model server; returns it, its port and the identity adapter that counts the certificates it presented.</summary>
    public static async Task<(WebApplication Server, int Port, WorkloadServerIdentity Identity)> StartServerAsync(WorkloadIdentity workload, MeshTlsMode mode)
    {
        var identity = new WorkloadServerIdentity(workload);
        var server = ModelServerApp.Create(
            new ModelServerOptions { Name = "secure-model", MeshTls = mode },
            services => services.AddSingleton<IMeshServerIdentity>(identity),
            "http://127.0.0.1:0");
        await server.StartAsync();
        return (server, new Uri(server.Urls.Single()).Port, identity);
    }

    /// <summary>A client set up as the gateway's upstream client: mesh certificate, mesh roots.</summary>
    public static HttpClient GatewayClient(WorkloadIdentity workload, TimeSpan? connectionLifetime = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = connectionLifetime ?? Timeout.InfiniteTimeSpan };
        new UpstreamTls(new GatewayIdentity { Workload = workload }).Apply(handler);
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>A TLS client that trusts any server and presents <paramref name="certificate"/> (or none).</summary>
    public static HttpClient TlsClient(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>A workload certificate for a mesh identity, but from a CA the mesh does not know.</summary>
    public static X509Certificate2 ForeignCertificate()
    {
        var now = DateTimeOffset.UtcNow;
        using var ca = CaBootstrap.CreateRoot("cluster.local", now.AddMinutes(-5), TimeSpan.FromDays(1));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        SpiffeId.TryParse("spiffe://cluster.local/ns/istio-system/sa/orleansmesh-gateway", out var id);
        using var leaf = CertificateIssuer.Issue(new PublicKey(key), id!, ca, now.AddMinutes(-1), TimeSpan.FromHours(1));
        return leaf.CopyWithPrivateKey(key);
    }

    public static async Task<HttpStatusCode?> TryGetAsync(HttpClient client, string url)
    {
        try
        {
            using var response = await client.GetAsync(url);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
