using System.Collections.Immutable;

namespace OrleansMesh.Security;

/// <summary>Istio <c>Source</c>: who sent a request. Each set field must match; a <c>not…</c> field must not.</summary>
[GenerateSerializer, Immutable, Alias("om.RequestSource")]
public sealed record RequestSource
{
    /// <summary>Peer identities (<c>cluster.local/ns/default/sa/x</c>), from mTLS.</summary>
    [Id(0)] public ImmutableArray<string> Principals { get; init; } = [];

    /// <summary>Excluded peer identities.</summary>
    [Id(1)] public ImmutableArray<string> NotPrincipals { get; init; } = [];

    /// <summary>Request identities, <c>iss/sub</c> of the verified JWT.</summary>
    [Id(2)] public ImmutableArray<string> RequestPrincipals { get; init; } = [];

    /// <summary>Excluded request identities.</summary>
    [Id(3)] public ImmutableArray<string> NotRequestPrincipals { get; init; } = [];

    /// <summary>Peer namespaces, from mTLS.</summary>
    [Id(4)] public ImmutableArray<string> Namespaces { get; init; } = [];

    /// <summary>Excluded peer namespaces.</summary>
    [Id(5)] public ImmutableArray<string> NotNamespaces { get; init; } = [];

    /// <summary>Addresses or CIDR blocks of the connection's peer.</summary>
    [Id(6)] public ImmutableArray<string> IpBlocks { get; init; } = [];

    /// <summary>Excluded peer addresses.</summary>
    [Id(7)] public ImmutableArray<string> NotIpBlocks { get; init; } = [];

    /// <summary>Addresses or CIDR blocks of the original client (X-Forwarded-For).</summary>
    [Id(8)] public ImmutableArray<string> RemoteIpBlocks { get; init; } = [];

    /// <summary>Excluded original client addresses.</summary>
    [Id(9)] public ImmutableArray<string> NotRemoteIpBlocks { get; init; } = [];

    /// <summary>Peer service accounts (<c>ns/name</c>), from mTLS.</summary>
    [Id(10)] public ImmutableArray<string> ServiceAccounts { get; init; } = [];

    /// <summary>Excluded peer service accounts.</summary>
    [Id(11)] public ImmutableArray<string> NotServiceAccounts { get; init; } = [];

    /// <summary>Peer trust domains (the part of the peer principal before <c>/ns/</c>), from mTLS: Istio's <c>source.trustDomain</c>.</summary>
    [Id(12)] public ImmutableArray<string> TrustDomains { get; init; } = [];

    /// <summary>Excluded peer trust domains.</summary>
    [Id(13)] public ImmutableArray<string> NotTrustDomains { get; init; } = [];
}
