using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Security.Identity;

/// <summary>
/// A cluster's DestinationRule <c>tls</c> when it needs a connection pool of its own: <c>SIMPLE</c> and <c>MUTUAL</c>
/// (TLS with the rule's CA, SNI, client certificate and names), and <c>ISTIO_MUTUAL</c> with <c>subjectAltNames</c>
/// (the mesh's TLS, the server's SPIFFE ID pinned). A record, so an unchanged rule keeps its pool across snapshots.
/// </summary>
/// <param name="Mode">The rule's mode.</param>
/// <param name="Sni">The server name sent in the handshake, or null for none.</param>
/// <param name="SubjectAltNames">Names the server's certificate must carry one of (DNS, URI or SPIFFE ID), comma-joined; empty for any.</param>
/// <param name="CaCertificates">A PEM file of the CAs the server must chain to, or null for the system's roots.</param>
/// <param name="ClientCertificate">MUTUAL: the PEM file of the certificate the gateway presents.</param>
/// <param name="PrivateKey">MUTUAL: the PEM file of its key.</param>
/// <param name="InsecureSkipVerify">Accept any server certificate (Istio's <c>insecureSkipVerify</c>).</param>
internal sealed record UpstreamTlsPolicy(
    ClientTlsMode Mode,
    string? Sni,
    string SubjectAltNames,
    string? CaCertificates,
    string? ClientCertificate,
    string? PrivateKey,
    bool InsecureSkipVerify)
{
    /// <summary>The policy of <paramref name="tls"/>, or null when the shared pool serves it (no TLS, or ISTIO_MUTUAL without pinned names).</summary>
    public static UpstreamTlsPolicy? From(ClientTlsSettings? tls) => tls switch
    {
        null or { Mode: ClientTlsMode.Disable } => null,
        { Mode: ClientTlsMode.IstioMutual, SubjectAltNames.IsDefaultOrEmpty: true } => null,
        _ => new UpstreamTlsPolicy(
            tls.Mode,
            tls.Sni,
            tls.SubjectAltNames.IsDefaultOrEmpty ? "" : string.Join(',', tls.SubjectAltNames),
            tls.CaCertificates,
            tls.ClientCertificate,
            tls.PrivateKey,
            tls.InsecureSkipVerify ?? false),
    };

    /// <summary>Whether endpoints of a cluster with <paramref name="tls"/> are reached over TLS.</summary>
    public static bool UsesTls(ClientTlsSettings? tls) => tls?.Mode is ClientTlsMode.Simple or ClientTlsMode.Mutual or ClientTlsMode.IstioMutual;

    /// <summary>The names of <see cref="SubjectAltNames"/>.</summary>
    public string[] Names => SubjectAltNames.Length == 0 ? [] : SubjectAltNames.Split(',');
}
