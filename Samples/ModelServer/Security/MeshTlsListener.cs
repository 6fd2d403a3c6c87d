using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>
/// Puts mesh TLS on a Kestrel listener. STRICT: TLS with a required, mesh-verified client certificate. PERMISSIVE:
/// a connection whose first byte is a TLS handshake record (0x16) goes through TLS (a client certificate is optional,
/// and verified when sent); any other goes straight to HTTP, as Envoy's TLS inspector does for Istio.
/// </summary>
internal static class MeshTlsListener
{
    private const byte TlsHandshakeRecord = 0x16;

    public static void Configure(ListenOptions listen, MeshTlsMode mode)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (mode == MeshTlsMode.Off)
        {
            return;
        }

        IMeshServerIdentity Identity() => listen.ApplicationServices.GetRequiredService<IMeshServerIdentity>();
        var https = new HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => Identity().ServerCertificate,
            ClientCertificateMode = mode == MeshTlsMode.Strict ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.AllowCertificate,
            ClientCertificateValidation = (certificate, chain, _) => Identity().IsTrustedClient(certificate, chain),
        };

        ConnectionDelegate? plain = null;
        if (mode == MeshTlsMode.Permissive)
        {
            listen.Use(tls => context => SniffAsync(context, tls, plain!));
        }

        listen.UseHttps(https);
        if (mode == MeshTlsMode.Permissive)
        {
            // Built before the sniffer above (inner first): captures what follows TLS, i.e. HTTP itself.
            listen.Use(next => plain = next);
        }
    }

    private static async Task SniffAsync(ConnectionContext context, ConnectionDelegate tls, ConnectionDelegate plain)
    {
        var input = context.Transport.Input;
        var read = await input.ReadAsync(context.ConnectionClosed);
        var isTls = !read.Buffer.IsEmpty && read.Buffer.FirstSpan[0] == TlsHandshakeRecord;

        // Nothing consumed: whoever comes next reads the same bytes.
        input.AdvanceTo(read.Buffer.Start);
        await (isTls ? tls : plain)(context);
    }
}
