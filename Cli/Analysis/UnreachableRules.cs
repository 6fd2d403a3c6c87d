using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Analysis;

/// <summary>
/// Istio's <c>analyzeUnreachableHTTPRules</c> (pkg/config/validation/validation.go): Envoy takes the first rule that
/// matches, so a rule after one without matches is never used (IST0130), and a match equal to an earlier one's (name
/// aside, as Istio's <c>asJSON</c>) or covered by an earlier prefix match is never used (IST0131); a rule all of whose
/// matches are such is never used (IST0130). Messages are Istio's. Beyond Istio: a match with no condition at all
/// counts as a rule without matches, and a covered match counts towards "all matches used by prior rules".
/// </summary>
internal static class UnreachableRules
{
    public static IEnumerable<(string Code, string Message)> Find(IReadOnlyList<HttpRoute> routes)
    {
        var seen = new List<(HttpMatchRequest Match, int Rule, int Index)>();
        var catchAll = -1;
        for (var rule = 0; rule < routes.Count; rule++)
        {
            var route = routes[rule];
            if (route.Match.IsDefaultOrEmpty)
            {
                if (catchAll >= 0)
                {
                    yield return Unused(route, rule, "only the last rule can have no matches");
                }

                catchAll = rule;
                continue;
            }

            if (catchAll >= 0)
            {
                yield return Unused(route, rule, "route without matches defined before");
                continue;
            }

            var unused = 0;
            for (var index = 0; index < route.Match.Length; index++)
            {
                var match = route.Match[index];
                if (seen.FirstOrDefault(s => Same(s.Match, match)) is { Match: not null } duplicate)
                {
                    unused++;
                    yield return Ineffective(route, rule, MatchName(match, index), RuleName(routes[duplicate.Rule], duplicate.Rule));
                }
                else if (seen.FirstOrDefault(s => Covers(s.Match, match)) is { Match: not null } cover)
                {
                    unused++;
                    yield return Ineffective(
                        route,
                        rule,
                        $"{MatchName(match, index)} of prefix {match.Uri!.Value}",
                        $"{MatchName(cover.Match, cover.Index)} of prefix {cover.Match.Uri!.Value} on {RuleName(routes[cover.Rule], cover.Rule)}");
                }
                else
                {
                    seen.Add((match, rule, index));
                }
            }

            if (unused == route.Match.Length)
            {
                yield return Unused(route, rule, "all matches used by prior rules");
            }
            else if (route.Match.Any(MatchesEverything))
            {
                catchAll = rule;
            }
        }
    }

    private static (string, string) Unused(HttpRoute route, int rule, string reason) =>
        (MeshAnalyzer.UnreachableRule, $"VirtualService rule {RuleName(route, rule)} not used ({reason}).");

    private static (string, string) Ineffective(HttpRoute route, int rule, string match, string earlier) =>
        (MeshAnalyzer.IneffectiveMatch, $"VirtualService rule {RuleName(route, rule)} match {match} is not used (duplicate/overlapping match in rule {earlier}).");

    private static string RuleName(HttpRoute route, int rule) => route.Name is { Length: > 0 } name ? $"\"{name}\"" : $"#{rule}";

    private static string MatchName(HttpMatchRequest match, int index) => match.Name is { Length: > 0 } name ? $"\"{name}\"" : $"#{index}";

    private static bool Same(HttpMatchRequest earlier, HttpMatchRequest match) =>
        ContentEquality.AreEqual(earlier with { Name = null }, match with { Name = null });

    // Every request the later match takes, the earlier one takes first: a uri prefix that starts the later uri
    // (prefix or exact, same case handling) and every other condition the same.
    private static bool Covers(HttpMatchRequest earlier, HttpMatchRequest match) =>
        earlier.Uri is { Kind: StringMatchKind.Prefix } prefix
        && match.Uri is { Kind: StringMatchKind.Prefix or StringMatchKind.Exact } uri
        && (earlier.IgnoreUriCase || !match.IgnoreUriCase)
        && uri.Value.StartsWith(prefix.Value, earlier.IgnoreUriCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
        && ContentEquality.AreEqual(earlier with { Name = null, Uri = null, IgnoreUriCase = false }, match with { Name = null, Uri = null, IgnoreUriCase = false });

    private static bool MatchesEverything(HttpMatchRequest match) =>
        ContentEquality.AreEqual(match with { Name = null, StatPrefix = null }, new HttpMatchRequest());
}
