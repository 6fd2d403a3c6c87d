using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using OrleansMesh.Security;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>
/// Puts mesh TLS on a Kestrel listener, in the mode the <see cref="IPeerModeProvider"/> gives each new connection.
/// STRICT: TLS with a required, mesh-verified client certificate. PERMISSIVE: a connection whose first byte is a TLS
/// handshake record (0x16) goes through TLS (a client certificate is optional, and verified when sent); any other goes
/// straight to HTTP, as Envoy's TLS inspector does for Istio. DISABLE: plain text only; a TLS ClientHello is refused
/// (the connection is closed).
/// </summary>
internal static class MeshTlsListener
{
    private const byte TlsHandshakeRecord = 0x16;

    // The mode chosen when the connection arrived, read again by the TLS handshake of the same connection.
    private static readonly object ModeKey = new();

    public static void Configure(ListenOptions listen, MeshTlsMode mode)
    {
        ArgumentNullException.ThrowIfNull(listen);
        if (mode == MeshTlsMode.Off)
        {
            return;
        }

        IMeshServerIdentity Identity() => listen.ApplicationServices.GetRequiredService<IMeshServerIdentity>();
        IPeerModeProvider Modes() => listen.ApplicationServices.GetRequiredService<IPeerModeProvider>();

        ConnectionDelegate? plain = null;
        listen.Use(tls => context => DispatchAsync(context, Modes(), tls, plain!));
        listen.UseHttps(new TlsHandshakeCallbackOptions { OnConnection = context => ServerOptions(context, Identity()) });

        // Built before the dispatcher above (inner first): captures what follows TLS, i.e. HTTP itself.
        listen.Use(next => plain = next);
    }

    private static async Task DispatchAsync(ConnectionContext context, IPeerModeProvider modes, ConnectionDelegate tls, ConnectionDelegate plain)
    {
        var mode = modes.ModeFor((context.LocalEndPoint as IPEndPoint)?.Port ?? 0);
        context.Items[ModeKey] = mode;
        if (mode == MutualTlsMode.Strict)
        {
            // A plain-text client fails the handshake.
            await tls(context);
            return;
        }

        var input = context.Transport.Input;
        var read = await input.ReadAsync(context.ConnectionClosed);
        var isTls = !read.Buffer.IsEmpty && read.Buffer.FirstSpan[0] == TlsHandshakeRecord;

        // Nothing consumed: whoever comes next reads the same bytes.
        input.AdvanceTo(read.Buffer.Start);
        if (isTls && mode == MutualTlsMode.Disable)
        {
            // Returning closes the connection: DISABLE takes plain text only.
            return;
        }

        await (isTls ? tls : plain)(context);
    }

    private static ValueTask<SslServerAuthenticationOptions> ServerOptions(TlsHandshakeCallbackContext context, IMeshServerIdentity identity)
    {
        // No mode recorded cannot happen (the dispatcher runs first); if it did, fail closed.
        var strict = !context.Connection.Items.TryGetValue(ModeKey, out var mode) || mode is not MutualTlsMode.Permissive;
        var certificate = identity.ServerCertificate
            ?? throw new AuthenticationException("The model server has no mesh certificate yet; mesh TLS clients are refused until it has.");
        return ValueTask.FromResult(new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate,

            // Asked for in both modes, so a mesh client sends it; PERMISSIVE lets a client without one through.
            ClientCertificateRequired = true,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, client, chain, _) => client is null
                ? !strict
                : client is X509Certificate2 leaf && identity.IsTrustedClient(leaf, chain),
        });
    }
}
