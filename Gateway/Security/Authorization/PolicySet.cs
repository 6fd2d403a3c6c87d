namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>
/// The policies that apply to one workload, evaluated in Istio's order: any matching DENY denies; then, if
/// there is any ALLOW policy, one must match; AUDIT policies never change the outcome, they are only reported.
/// </summary>
internal sealed class PolicySet(IReadOnlyCollection<CompiledPolicy> policies)
{
    private readonly CompiledPolicy[] _deny = [.. policies.Where(p => p.Action == OrleansMesh.Security.AuthorizationAction.Deny)];
    private readonly CompiledPolicy[] _allow = [.. policies.Where(p => p.Action == OrleansMesh.Security.AuthorizationAction.Allow)];
    private readonly CompiledPolicy[] _audit = [.. policies.Where(p => p.Action == OrleansMesh.Security.AuthorizationAction.Audit)];

    public static PolicySet Empty { get; } = new([]);

    public bool IsEmpty => _deny.Length == 0 && _allow.Length == 0 && _audit.Length == 0;

    public AuthorizationDecision Evaluate(RequestAttributes request)
    {
        if (IsEmpty)
        {
            return AuthorizationDecision.Allow;
        }

        IReadOnlyList<string> audited = _audit.Length == 0 ? [] : [.. _audit.Where(p => p.Matches(request)).Select(p => p.Name)];
        foreach (var policy in _deny)
        {
            if (policy.Matches(request))
            {
                return new AuthorizationDecision(false, policy.Name, audited);
            }
        }

        var allowed = _allow.Length == 0 || _allow.Any(p => p.Matches(request));
        return allowed && audited.Count == 0 ? AuthorizationDecision.Allow : new AuthorizationDecision(allowed, null, audited);
    }
}
