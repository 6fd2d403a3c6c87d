using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Security;

/// <summary>The spec of a <see cref="RequestAuthentication"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.RequestAuthenticationSpec")]
public sealed record RequestAuthenticationSpec
{
    /// <summary>The workloads it applies to; none means every workload of its scope.</summary>
    [Id(0)] public WorkloadSelector? Selector { get; init; }

    /// <summary>A single Gateway API resource it attaches to (Istio's deprecated form of <see cref="TargetRefs"/>).</summary>
    [Id(1)] public PolicyTargetReference? TargetRef { get; init; }

    /// <summary>Gateway API resources it attaches to.</summary>
    [Id(2)] public ImmutableArray<PolicyTargetReference> TargetRefs { get; init; } = [];

    /// <summary>The accepted token issuers and how to find and verify their tokens.</summary>
    [Id(3)] public ImmutableArray<JwtRule> JwtRules { get; init; } = [];
}
