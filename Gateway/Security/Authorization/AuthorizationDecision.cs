namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>The outcome of evaluating the policies that apply to a workload for one request.</summary>
/// <param name="Allowed">False when a DENY policy matched, or ALLOW policies exist and none matched.</param>
/// <param name="Policy">The DENY policy that matched; null for a denial because no ALLOW policy matched, or when allowed.</param>
/// <param name="Audited">The AUDIT policies that matched.</param>
internal sealed record AuthorizationDecision(bool Allowed, string? Policy, IReadOnlyList<string> Audited)
{
    public static AuthorizationDecision Allow { get; } = new(true, null, []);
}
