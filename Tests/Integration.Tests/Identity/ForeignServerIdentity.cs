using System.Security.Cryptography.X509Certificates;
using OrleansMesh.Samples.ModelServer.Hosting;
using OrleansMesh.Samples.ModelServer.Security;

namespace OrleansMesh.Integration.Tests.Identity;

/// <summary>A model server presenting a certificate from a CA the mesh does not know (an impostor endpoint).</summary>
internal sealed class ForeignServerIdentity(X509Certificate2 certificate) : IMeshServerIdentity, IAsyncDisposable
{
    public X509Certificate2? ServerCertificate => certificate;

    public bool IsTrustedClient(X509Certificate2 clientCertificate, X509Chain? chain) => true;

    public async Task<(WebApplication Server, int Port)> StartAsync()
    {
        var server = ModelServerApp.Create(
            new ModelServerOptions { Name = "impostor", MeshTls = MeshTlsMode.Strict },
            services => services.AddSingleton<IMeshServerIdentity>(this),
            "http://127.0.0.1:0");
        await server.StartAsync();
        return (server, new Uri(server.Urls.Single()).Port);
    }

    public ValueTask DisposeAsync()
    {
        certificate.Dispose();
        return ValueTask.CompletedTask;
    }
}
