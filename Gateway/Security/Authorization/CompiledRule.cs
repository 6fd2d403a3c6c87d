using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>A compiled rule: one <c>from</c> and one <c>to</c> must match (when listed), and every <c>when</c>.</summary>
internal sealed class CompiledRule(AuthorizationRule rule)
{
    private readonly SourceMatcher[] _from = [.. rule.From.Select(s => new SourceMatcher(s))];
    private readonly OperationMatcher[] _to = [.. rule.To.Select(o => new OperationMatcher(o))];
    private readonly ConditionMatcher[] _when = [.. rule.When.Select(c => new ConditionMatcher(c))];

    public bool Matches(RequestAttributes request) =>
        (_from.Length == 0 || _from.Any(f => f.Matches(request)))
        && (_to.Length == 0 || _to.Any(t => t.Matches(request)))
        && _when.All(w => w.Matches(request));
}
