using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>A compiled rule: one <c>from</c> and one <c>to</c> must match (when listed), and every <c>when</c>.</summary>
internal sealed class CompiledRule(AuthorizationRule rule)
{
    private readonly SourceMatcher[] _from = [.. rule.From.Select(s => new SourceMatcher(s))];
    private readonly OperationMatcher[] _to = [.. rule.To.Select(o => new OperationMatcher(o))];
    private readonly ConditionMatcher[] _when = [.. rule.When.Select(c => new ConditionMatcher(c))];

    // Loops rather than LINQ: a lambda capturing the request would allocate on every request.
    public bool Matches(RequestAttributes request)
    {
        if (_from.Length > 0 && !AnyFrom(request))
        {
            return false;
        }

        if (_to.Length > 0 && !AnyTo(request))
        {
            return false;
        }

        foreach (var condition in _when)
        {
            if (!condition.Matches(request))
            {
                return false;
            }
        }

        return true;
    }

    private bool AnyFrom(RequestAttributes request)
    {
        foreach (var source in _from)
        {
            if (source.Matches(request))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyTo(RequestAttributes request)
    {
        foreach (var operation in _to)
        {
            if (operation.Matches(request))
            {
                return true;
            }
        }

        return false;
    }
}
