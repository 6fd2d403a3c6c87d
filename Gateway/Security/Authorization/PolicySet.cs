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

        var audited = _audit.Length == 0 ? [] : Audited(request);
        foreach (var policy in _deny)
        {
            if (policy.Matches(request))
            {
                return new AuthorizationDecision(false, policy.Name, audited);
            }
        }

        var allowed = _allow.Length == 0 || AnyAllows(request);
        return allowed && audited.Count == 0 ? AuthorizationDecision.Allow : new AuthorizationDecision(allowed, null, audited);
    }

    // Its own method: a lambda capturing the request makes the compiler allocate the closure on entry to the method
    // that declares it, whether or not the lambda runs.
    private IReadOnlyList<string> Audited(RequestAttributes request) => [.. _audit.Where(p => p.Matches(request)).Select(p => p.Name)];

    private bool AnyAllows(RequestAttributes request)
    {
        foreach (var policy in _allow)
        {
            if (policy.Matches(request))
            {
                return true;
            }
        }

        return false;
    }
}
