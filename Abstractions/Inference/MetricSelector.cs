using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace OrleansMesh.Inference;

/// <summary>
/// A metric as GIE's picker flags name one: <c>name</c> or <c>name{label="value",...}</c>; a sample is selected when
/// it has that name and every label given.
/// </summary>
/// <param name="Name">The metric name.</param>
/// <param name="Labels">Labels a sample must carry, with these values.</param>
public sealed partial record MetricSelector(string Name, ImmutableArray<KeyValuePair<string, string>> Labels)
{
    /// <summary>Parses <paramref name="text"/>; false with a reason when it is not a metric name with optional label matchers.</summary>
    public static bool TryParse(string text, out MetricSelector selector, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        selector = new MetricSelector("", []);
        var match = Shape().Match(text.Trim());
        if (!match.Success)
        {
            error = $"'{text}' is not a metric name with optional label matchers (name or name{{label=\"value\"}})";
            return false;
        }

        var labels = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (Match label in Label().Matches(match.Groups["labels"].Value))
        {
            labels.Add(KeyValuePair.Create(label.Groups["key"].Value, label.Groups["value"].Value));
        }

        selector = new MetricSelector(match.Groups["name"].Value, labels.ToImmutable());
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>\s*[a-zA-Z_][a-zA-Z0-9_]*\s*=\s*""[^""]*""\s*(,\s*[a-zA-Z_][a-zA-Z0-9_]*\s*=\s*""[^""]*""\s*)*,?)?\})?$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex Label();
}
