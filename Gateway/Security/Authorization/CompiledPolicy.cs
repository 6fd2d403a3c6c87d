using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>A compiled AuthorizationPolicy. With no rules it matches nothing: an ALLOW policy without rules allows nothing.</summary>
internal sealed class CompiledPolicy(AuthorizationPolicy policy)
{
    private readonly CompiledRule[] _rules = [.. policy.Spec.Rules.Select(r => new CompiledRule(r))];

    /// <summary><c>namespace/name</c>, as reported in denials and logs.</summary>
    public string Name { get; } = $"{policy.Metadata.Namespace}/{policy.Metadata.Name}";

    public AuthorizationAction Action { get; } = policy.Spec.Action;

    /// <summary>The workloads it applies to: its namespace's (every namespace's from the root one), selected by labels.</summary>
    public PolicyScope Scope { get; } = PolicyScope.Of(policy.Metadata, policy.Spec.Selector);

    public bool Matches(RequestAttributes request)
    {
        foreach (var rule in _rules)
        {
            if (rule.Matches(request))
            {
                return true;
            }
        }

        return false;
    }
}
