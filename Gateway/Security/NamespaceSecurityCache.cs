using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace OrleansMesh.Gateway.Security;

/// <summary>
/// What applies at the destinations of one namespace, computed once per label set and kept as long as that label set
/// (an endpoint's, from the routing snapshot) lives. A hit allocates nothing: the callback is created once, here.
/// </summary>
internal sealed class NamespaceSecurityCache
{
    private readonly ConditionalWeakTable<ImmutableDictionary<string, string>, WorkloadSecurity> _byLabels = new();
    private readonly ConditionalWeakTable<ImmutableDictionary<string, string>, WorkloadSecurity>.CreateValueCallback _compute;

    public NamespaceSecurityCache(string @namespace, Func<string, ImmutableDictionary<string, string>, WorkloadSecurity> compute)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        ArgumentNullException.ThrowIfNull(compute);
        _compute = labels => compute(@namespace, labels);
    }

    public WorkloadSecurity For(ImmutableDictionary<string, string> labels) => _byLabels.GetValue(labels, _compute);
}
