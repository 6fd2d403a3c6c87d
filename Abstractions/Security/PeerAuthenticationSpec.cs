using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Security;

/// <summary>The spec of a <see cref="PeerAuthentication"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.PeerAuthenticationSpec")]
public sealed record PeerAuthenticationSpec
{
    /// <summary>The workloads it applies to; none means every workload of its scope.</summary>
    [Id(0)] public WorkloadSelector? Selector { get; init; }

    /// <summary>The mode for the workload's ports.</summary>
    [Id(1)] public PeerMutualTls? Mtls { get; init; }

    /// <summary>Per-port modes, keyed by port number (as text, as in the YAML).</summary>
    [Id(2)] public ImmutableDictionary<string, PeerMutualTls> PortLevelMtls { get; init; } = ImmutableDictionary<string, PeerMutualTls>.Empty;
}
