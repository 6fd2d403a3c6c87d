using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>ServerTLSSettings</c>. Stored; terminating TLS at the gateway is done by Kestrel.</summary>
[GenerateSerializer, Immutable, Alias("om.ServerTlsSettings")]
public sealed record ServerTlsSettings
{
    /// <summary>Redirect plain HTTP to HTTPS.</summary>
    [Id(0)] public bool HttpsRedirect { get; init; }

    /// <summary>PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL or OPTIONAL_MUTUAL.</summary>
    [Id(1)] public string? Mode { get; init; }

    /// <summary>Server certificate file.</summary>
    [Id(2)] public string? ServerCertificate { get; init; }

    /// <summary>Server key file.</summary>
    [Id(3)] public string? PrivateKey { get; init; }

    /// <summary>CA bundle for client certificates.</summary>
    [Id(4)] public string? CaCertificates { get; init; }

    /// <summary>Name of a credential holding the above.</summary>
    [Id(5)] public string? CredentialName { get; init; }

    /// <summary>Allowed client identities.</summary>
    [Id(6)] public ImmutableArray<string> SubjectAltNames { get; init; } = [];

    /// <summary>Minimum TLS version.</summary>
    [Id(7)] public string? MinProtocolVersion { get; init; }

    /// <summary>Maximum TLS version.</summary>
    [Id(8)] public string? MaxProtocolVersion { get; init; }

    /// <summary>Allowed cipher suites.</summary>
    [Id(9)] public ImmutableArray<string> CipherSuites { get; init; } = [];
}
