using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using OrleansMesh.Integration.Tests.Infrastructure;

namespace OrleansMesh.Integration.Tests.Identity;

/// <summary>
/// DestinationRule <c>tls.mode: SIMPLE</c> and <c>MUTUAL</c> towards servers outside the mesh's CA: the gateway reaches
/// them over TLS verified against the rule's <c>caCertificates</c> (and <c>subjectAltNames</c>), presenting the rule's
/// client certificate for MUTUAL.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class SimpleTlsDestinationTests(IdentityFixture fixture) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orleansmesh-simple-tls-").FullName;
    private X509Certificate2 _ca = null!;
    private string _caFile = "";
    private X509Certificate2 _serverCertificate = null!;

    public Task InitializeAsync()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=external-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        _ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        _caFile = Path.Combine(_directory, "ca.pem");
        File.WriteAllText(_caFile, _ca.ExportCertificatePem());
        _serverCertificate = Issue("model.example.com");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SimpleDestination_ServerOfTheRulesCa_IsReachedOverTls()
    {
        await using var server = await StartServerAsync(ClientCertificateMode.NoCertificate);

        var status = await RequestThroughGatewayAsync(server.Port, $"tls:\n  mode: SIMPLE\n  caCertificates: {_caFile}\n  subjectAltNames:\n  - model.example.com");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(server.SawTls);
    }

    [Fact]
    public async Task SimpleDestination_WrongSubjectAltName_IsRefused()
    {
        await using var server = await StartServerAsync(ClientCertificateMode.NoCertificate);

        var status = await RequestThroughGatewayAsync(server.Port, $"tls:\n  mode: SIMPLE\n  caCertificates: {_caFile}\n  subjectAltNames:\n  - other.example.com");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    [Fact]
    public async Task SimpleDestination_ServerOfAnotherCa_IsRefused()
    {
        await using var server = await StartServerAsync(ClientCertificateMode.NoCertificate);
        var otherCa = Path.Combine(_directory, "other-ca.pem");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            using var other = new CertificateRequest("CN=other-ca", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(otherCa, other.ExportCertificatePem());
        }

        var status = await RequestThroughGatewayAsync(server.Port, $"tls:\n  mode: SIMPLE\n  caCertificates: {otherCa}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    [Fact]
    public async Task MutualDestination_PresentsTheRulesClientCertificate()
    {
        await using var server = await StartServerAsync(ClientCertificateMode.RequireCertificate);
        using var client = Issue("gateway.example.com");
        var certificateFile = Path.Combine(_directory, "client.pem");
        var keyFile = Path.Combine(_directory, "client-key.pem");
        await File.WriteAllTextAsync(certificateFile, client.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var status = await RequestThroughGatewayAsync(server.Port, $"tls:\n  mode: MUTUAL\n  caCertificates: {_caFile}\n  clientCertificate: {certificateFile}\n  privateKey: {keyFile}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(client.Thumbprint, server.ClientThumbprint);
    }

    public Task DisposeAsync()
    {
        _serverCertificate.Dispose();
        _ca.Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<HttpStatusCode> RequestThroughGatewayAsync(int port, string trafficPolicy)
    {
        await using var gateway = await GatewayHost.StartAsync(fixture.Grains);
        var host = "external-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Mesh.ApplyAsync(ClusterWide.MeshYaml.Destination(host, [port], trafficPolicy));
        var store = gateway.Services.GetRequiredService<OrleansMesh.Gateway.Snapshot.GatewaySnapshotStore>();
        await Eventually.TrueAsync(() => store.Current.Routing.FindHost(host) is not null, "the gateway routing the host");
        using var response = await gateway.GetAsync(host, "/");
        return response.StatusCode;
    }

    private X509Certificate2 Issue(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(_ca, now.AddMinutes(-5), now.AddHours(12), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private async Task<TlsServer> StartServerAsync(ClientCertificateMode clientCertificates)
    {
        var server = new TlsServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = _serverCertificate,
            ClientCertificateMode = clientCertificates,
            ClientCertificateValidation = (_, _, _) => true,
        })));
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) =>
        {
            server.SawTls = context.Request.IsHttps;
            server.ClientThumbprint = context.Connection.ClientCertificate?.Thumbprint;
            return "ok";
        });
        await app.StartAsync();
        server.App = app;
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    private sealed class TlsServer : IAsyncDisposable
    {
        public WebApplication App { get; set; } = null!;

        public int Port { get; set; }

        public bool SawTls { get; set; }

        public string? ClientThumbprint { get; set; }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
