using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansMesh.Networking;
using OrleansMesh.Security;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Gateway.Security.Identity;

/// <summary>
/// The TLS side of upstream connections (Istio's ISTIO_MUTUAL): only endpoints the cluster builder gave an
/// <c>https://</c> prefix use TLS, and those are the ISTIO_MUTUAL ones. The gateway presents its current mesh
/// certificate (read per handshake, so a renewal applies to the next connection while open ones finish) and accepts
/// a server only if its chain leads to the mesh roots, it is not revoked and it carries a SPIFFE ID of the mesh's
/// trust domain. The expected identity is pinned only where the DestinationRule lists <c>subjectAltNames</c>: endpoints
/// carry no service account in the registry, so, as Istio does when it knows none, any identity of the trust domain is
/// accepted otherwise. <c>SIMPLE</c> and <c>MUTUAL</c> rules get standard TLS on their cluster's own pool (see
/// <see cref="UpstreamTlsPolicy"/>).
/// </summary>
internal sealed partial class UpstreamTls(GatewayIdentity identity, ILogger<UpstreamTls>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<UpstreamTls>.Instance;

    /// <summary>Sets <paramref name="handler"/>'s TLS options to the mesh's.</summary>
    public void Apply(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            LocalCertificateSelectionCallback = SelectCertificate,
            RemoteCertificateValidationCallback = ValidateServer,
        };
    }

    /// <summary>Sets the TLS options of a cluster's own pool to <paramref name="policy"/>'s (or the mesh's when null).</summary>
    public void Apply(SocketsHttpHandler handler, UpstreamTlsPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(handler);
        switch (policy?.Mode)
        {
            case null:
                Apply(handler);
                break;
            case ClientTlsMode.IstioMutual:
                var pinned = policy.Names;
                handler.SslOptions = new SslClientAuthenticationOptions
                {
                    LocalCertificateSelectionCallback = SelectCertificate,
                    RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => ValidateServer(certificate, chain, pinned),
                };
                break;
            default:
                handler.SslOptions = Standard(policy);
                break;
        }
    }

    // SIMPLE / MUTUAL, as Envoy validates them: the chain against the rule's CA file (else the system's roots), and
    // the names only when the rule lists subjectAltNames (endpoints are addressed by IP, so the URL's host says nothing).
    private SslClientAuthenticationOptions Standard(UpstreamTlsPolicy policy)
    {
        var trust = policy.CaCertificates is { } file ? LoadBundle(file) : null;
        var names = policy.Names;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = policy.Sni,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                policy.InsecureSkipVerify || (certificate is not null && IsTrusted(Leaf(certificate), chain, errors, trust) && HasName(Leaf(certificate), names)),
        };
        if (policy.Mode == ClientTlsMode.Mutual && policy.ClientCertificate is { } certificateFile)
        {
            try
            {
                options.ClientCertificates = [CertificateFiles.LoadWithKey(certificateFile, policy.PrivateKey)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                // The handshake then goes without a certificate and a server requiring one refuses it (503 UF).
                LogClientCertificateUnusable(e, certificateFile);
            }
        }

        return options;
    }

    private X509Certificate2Collection? LoadBundle(string file)
    {
        try
        {
            return CertificateFiles.LoadBundle(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            // An empty custom trust store trusts nothing: better refused than verified against the wrong roots.
            LogCaCertificatesUnusable(e, file);
            return [];
        }
    }

    private static bool IsTrusted(X509Certificate2 leaf, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection? trust)
    {
        if (trust is null)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        return CertificateFiles.ChainsTo(leaf, trust, presented?.ChainPolicy.ExtraStore);
    }

    private static bool HasName(X509Certificate2 leaf, string[] names)
    {
        if (names.Length == 0)
        {
            return true;
        }

        var san = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var dns = san?.EnumerateDnsNames() ?? [];
        var spiffe = SubjectAltNames.SpiffeIdOf(leaf)?.ToString();
        return names.Any(n => dns.Contains(n, StringComparer.OrdinalIgnoreCase) || string.Equals(n, spiffe, StringComparison.Ordinal));
    }

    private static X509Certificate2 Leaf(X509Certificate certificate) => certificate as X509Certificate2 ?? new X509Certificate2(certificate);

    private X509Certificate? SelectCertificate(object sender, string targetHost, X509CertificateCollection localCertificates, X509Certificate? remoteCertificate, string[] acceptableIssuers)
        => identity.Workload?.Current;

    // The peer's name is its SPIFFE ID, not the endpoint's address: SslPolicyErrors' name mismatch is expected and
    // ignored; the chain is rebuilt against the mesh roots alone.
    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        ValidateServer(certificate, chain, []);

    private bool ValidateServer(X509Certificate? certificate, X509Chain? chain, string[] pinned)
    {
        if (identity.Workload is not { } workload || certificate is null)
        {
            return false;
        }

        var verification = workload.Trust.Verify(Leaf(certificate), chain?.ChainPolicy.ExtraStore);
        return verification.Accepted && (pinned.Length == 0 || pinned.Contains(verification.Identity?.ToString(), StringComparer.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "DestinationRule tls.clientCertificate '{File}' cannot be used; connections go without a client certificate")]
    private partial void LogClientCertificateUnusable(Exception exception, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "DestinationRule tls.caCertificates '{File}' cannot be read; no server is trusted until it can")]
    private partial void LogCaCertificatesUnusable(Exception exception, string file);
}
