using System.Collections.Immutable;

namespace OrleansMesh.Networking;

/// <summary>Istio <c>WorkloadSelector</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.WorkloadSelector")]
public sealed record WorkloadSelector
{
    /// <summary>Labels a workload must carry.</summary>
    [Id(0)] public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Kubernetes' <c>matchLabels</c>: true when <paramref name="labels"/> carry every label of <paramref name="selector"/>
    /// with the same value (case-sensitive); an empty selector matches every workload.
    /// </summary>
    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (key, expected) in selector)
        {
            if (!labels.TryGetValue(key, out var value) || !string.Equals(value, expected, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
