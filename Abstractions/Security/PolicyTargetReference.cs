namespace OrleansMesh.Security;

/// <summary>Istio <c>PolicyTargetReference</c>: a Gateway API resource a policy attaches to.</summary>
[GenerateSerializer, Immutable, Alias("om.PolicyTargetReference")]
public sealed record PolicyTargetReference
{
    /// <summary>The API group, e.g. <c>gateway.networking.k8s.io</c>; empty for the core group.</summary>
    [Id(0)] public string Group { get; init; } = "";

    /// <summary>The kind, e.g. <c>Gateway</c> or <c>Service</c>.</summary>
    [Id(1)] public string Kind { get; init; } = "";

    /// <summary>The name.</summary>
    [Id(2)] public string Name { get; init; } = "";

    /// <summary>The namespace; empty means the policy's own.</summary>
    [Id(3)] public string Namespace { get; init; } = "";
}
