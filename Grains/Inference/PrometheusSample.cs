namespace OrleansMesh.Grains.Inference;

/// <summary>One sample of Prometheus' text format: metric name, labels in the order written, value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
{
    /// <summary>The value of label <paramref name="name"/>, or null when the sample has none.</summary>
    public string? Label(string name)
    {
        foreach (var label in Labels)
        {
            if (string.Equals(label.Key, name, StringComparison.Ordinal))
            {
                return label.Value;
            }
        }

        return null;
    }
}
