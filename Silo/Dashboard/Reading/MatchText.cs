using System.Globalization;
using OrleansMesh.Networking;

namespace OrleansMesh.Silo.Dashboard.Reading;

/// <summary>A route's match condition as one line an operator reads, e.g. <c>headers[x-canary] exact "true", uri prefix "/v1"</c>.</summary>
internal static class MatchText
{
    public static string Of(HttpMatchRequest match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var parts = new List<string>();
        Add(parts, "uri", match.Uri);
        Add(parts, "scheme", match.Scheme);
        Add(parts, "method", match.Method);
        Add(parts, "authority", match.Authority);
        foreach (var (name, value) in match.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            Add(parts, $"headers[{name}]", value);
        }

        foreach (var (name, value) in match.WithoutHeaders.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            Add(parts, $"withoutHeaders[{name}]", value);
        }

        foreach (var (name, value) in match.QueryParams.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            Add(parts, $"queryParams[{name}]", value);
        }

        if (match.Port is { } port)
        {
            parts.Add($"port {port.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!match.SourceLabels.IsEmpty)
        {
            parts.Add("sourceLabels " + string.Join(",", match.SourceLabels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
        }

        if (!match.Gateways.IsEmpty)
        {
            parts.Add("gateways " + string.Join(",", match.Gateways));
        }

        if (match.SourceNamespace is { } ns)
        {
            parts.Add($"sourceNamespace {ns}");
        }

        return parts.Count == 0 ? "any request" : string.Join(", ", parts);
    }

    private static void Add(List<string> parts, string field, StringMatch? match)
    {
        if (match is not null)
        {
            parts.Add(match.Kind == StringMatchKind.Present ? $"{field} present" : $"{field} {match.Kind.ToString().ToLowerInvariant()} \"{match.Value}\"");
        }
    }
}
