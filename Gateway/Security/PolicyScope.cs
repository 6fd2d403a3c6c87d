using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Security;

/// <summary>
/// The workloads a RequestAuthentication or AuthorizationPolicy applies to, by Istio's rule: one in the root namespace
/// applies in every namespace, one in any other namespace only in its own; without a selector to every workload there,
/// with <c>selector.matchLabels</c> to those carrying every selector label.
/// </summary>
/// <param name="Namespace">The resource's <c>metadata.namespace</c> (<c>default</c> when it names none).</param>
/// <param name="Selector">The labels a workload must carry; null for none (an empty <c>matchLabels</c> is none, as in Istio).</param>
internal sealed record PolicyScope(string Namespace, ImmutableDictionary<string, string>? Selector)
{
    public static PolicyScope Of(ResourceMetadata metadata, WorkloadSelector? selector)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new(metadata.Namespace, selector is { Labels.IsEmpty: false } ? selector.Labels : null);
    }

    /// <summary>True when it applies to the workload in <paramref name="workloadNamespace"/> carrying <paramref name="labels"/>.</summary>
    public bool AppliesTo(string rootNamespace, string workloadNamespace, IReadOnlyDictionary<string, string> labels) =>
        (string.Equals(Namespace, rootNamespace, StringComparison.Ordinal) || string.Equals(Namespace, workloadNamespace, StringComparison.Ordinal))
        && (Selector is null || WorkloadSelector.Matches(Selector, labels));
}
