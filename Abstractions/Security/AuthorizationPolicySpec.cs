using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Security;

/// <summary>The spec of an <see cref="AuthorizationPolicy"/>.</summary>
[GenerateSerializer, Immutable, Alias("om.AuthorizationPolicySpec")]
public sealed record AuthorizationPolicySpec
{
    /// <summary>The workloads it applies to; none means every workload of its scope.</summary>
    [Id(0)] public WorkloadSelector? Selector { get; init; }

    /// <summary>A single Gateway API resource it attaches to.</summary>
    [Id(1)] public PolicyTargetReference? TargetRef { get; init; }

    /// <summary>Gateway API resources it attaches to.</summary>
    [Id(2)] public ImmutableArray<PolicyTargetReference> TargetRefs { get; init; } = [];

    /// <summary>The rules; a request matching any one of them matches the policy.</summary>
    [Id(3)] public ImmutableArray<AuthorizationRule> Rules { get; init; } = [];

    /// <summary>What a match does. Default: ALLOW.</summary>
    [Id(4)] public AuthorizationAction Action { get; init; }

    /// <summary>The external authorizer of a CUSTOM policy.</summary>
    [Id(5)] public string? Provider { get; init; }
}
