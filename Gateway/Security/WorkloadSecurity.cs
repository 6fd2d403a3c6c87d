using OrleansMesh.Gateway.Security.Authorization;
using OrleansMesh.Gateway.Security.Jwt;

namespace OrleansMesh.Gateway.Security;

/// <summary>What applies to one workload: the jwtRules to check tokens against and the authorization policies.</summary>
internal sealed record WorkloadSecurity(IReadOnlyList<JwtProvider> Providers, PolicySet Policies)
{
    public static WorkloadSecurity None { get; } = new([], PolicySet.Empty);

    public bool IsEmpty => Providers.Count == 0 && Policies.IsEmpty;
}
