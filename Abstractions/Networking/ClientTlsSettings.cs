using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>ClientTLSSettings</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.ClientTlsSettings")]
public sealed record ClientTlsSettings
{
    /// <summary>The TLS mode. Default: <see cref="ClientTlsMode.Disable"/>.</summary>
    [Id(0)] public ClientTlsMode Mode { get; init; }

    /// <summary>Client certificate file (MUTUAL).</summary>
    [Id(1)] public string? ClientCertificate { get; init; }

    /// <summary>Client key file (MUTUAL).</summary>
    [Id(2)] public string? PrivateKey { get; init; }

    /// <summary>CA bundle file.</summary>
    [Id(3)] public string? CaCertificates { get; init; }

    /// <summary>Name of a credential holding the above.</summary>
    [Id(4)] public string? CredentialName { get; init; }

    /// <summary>Subject alternative names the server certificate must carry.</summary>
    [Id(5)] public ImmutableArray<string> SubjectAltNames { get; init; } = [];

    /// <summary>SNI sent to the server.</summary>
    [Id(6)] public string? Sni { get; init; }

    /// <summary>Skip server certificate verification.</summary>
    [Id(7)] public bool? InsecureSkipVerify { get; init; }
}
