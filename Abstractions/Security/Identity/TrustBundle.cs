namespace OrleansMesh.Security.Identity;

/// <summary>What a workload needs to verify its peers: the mesh's root certificates. Public material only.</summary>
[GenerateSerializer, Immutable, Alias("om.TrustBundle")]
public sealed record TrustBundle
{
    /// <summary>The trust domain of every identity the CA issues, e.g. <c>cluster.local</c>.</summary>
    [Id(0)] public string TrustDomain { get; init; } = "";

    /// <summary>PEM root certificates (the operator's root when the CA is an intermediate).</summary>
    [Id(1)] public string RootsPem { get; init; } = "";

    /// <summary>PEM intermediate CA certificates between the roots and workload certificates; empty for a self-signed root CA.</summary>
    [Id(2)] public string IntermediatesPem { get; init; } = "";
}
