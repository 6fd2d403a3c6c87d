using System.Collections.Immutable;
using OrleansMesh.Cli.Analysis;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Tests.Analysis;

/// <summary>
/// Istio pkg/config/validation/validation.go analyzeUnreachableHTTPRules: IST0130 VirtualServiceUnreachableRule and
/// IST0131 VirtualServiceIneffectiveMatch, with Istio's messages (pkg/config/analysis/msg/messages.yaml).
/// </summary>
public sealed class UnreachableRulesTests
{
    [Fact]
    public void Find_DistinctMatchesThenCatchAll_FindsNothing()
    {
        Assert.Empty(UnreachableRules.Find([Rule(Prefix("/a")), Rule(Prefix("/b")), Rule()]));
    }

    [Fact]
    public void Find_SecondRuleWithoutMatches_UnreachableOnlyTheLastRuleCanHaveNoMatches()
    {
        Assert.Equal(
            [(MeshAnalyzer.UnreachableRule, "VirtualService rule #1 not used (only the last rule can have no matches).")],
            UnreachableRules.Find([Rule(), Rule()]));
    }

    [Fact]
    public void Find_RuleWithMatchesAfterRuleWithout_UnreachableRouteWithoutMatchesDefinedBefore()
    {
        Assert.Equal(
            [(MeshAnalyzer.UnreachableRule, "VirtualService rule \"canary\" not used (route without matches defined before).")],
            UnreachableRules.Find([Rule(), Rule(Prefix("/a")) with { Name = "canary" }]));
    }

    // Istio's duplicate-match case: a match equal to an earlier one's, its name aside (asJSON drops the name).
    [Fact]
    public void Find_RuleWhoseOnlyMatchDuplicatesEarlierOne_IneffectiveMatchAndUnreachableRule()
    {
        var first = Rule(Prefix("/a") with { Name = "first" });
        var second = Rule(Prefix("/a") with { Name = "again" });

        Assert.Equal(
            [
                (MeshAnalyzer.IneffectiveMatch, "VirtualService rule #1 match \"again\" is not used (duplicate/overlapping match in rule #0)."),
                (MeshAnalyzer.UnreachableRule, "VirtualService rule #1 not used (all matches used by prior rules)."),
            ],
            UnreachableRules.Find([first, second]));
    }

    [Fact]
    public void Find_RuleWithOneDuplicateMatchOfTwo_OnlyIneffectiveMatch()
    {
        Assert.Equal(
            [(MeshAnalyzer.IneffectiveMatch, "VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0).")],
            UnreachableRules.Find([Rule(Prefix("/a")), Rule(Prefix("/a"), Prefix("/b"))]));
    }

    // Istio's overlapping-prefix case (coveredValidation): /debug before /debugs with the same other conditions.
    [Fact]
    public void Find_PrefixCoveredByEarlierPrefix_IneffectiveMatchNamingBothPrefixes()
    {
        Assert.Equal(
            [
                (MeshAnalyzer.IneffectiveMatch, "VirtualService rule #1 match #0 of prefix /debugs is not used (duplicate/overlapping match in rule #0 of prefix /debug on #0)."),
                (MeshAnalyzer.UnreachableRule, "VirtualService rule #1 not used (all matches used by prior rules)."),
            ],
            UnreachableRules.Find([Rule(Prefix("/debug")), Rule(Prefix("/debugs"))]));
    }

    [Fact]
    public void Find_PrefixCoveredButMoreConditions_FindsNothing()
    {
        var narrower = Prefix("/debugs") with { Headers = ImmutableDictionary<string, StringMatch>.Empty.Add("x-user", StringMatch.Exact("a")) };

        Assert.Empty(UnreachableRules.Find([Rule(Prefix("/debug")), Rule(narrower)]));
    }

    [Fact]
    public void Find_CaseInsensitiveMatchAfterCaseSensitivePrefix_FindsNothing()
    {
        Assert.Empty(UnreachableRules.Find([Rule(Prefix("/api")), Rule(Prefix("/api/v1") with { IgnoreUriCase = true })]));
    }

    [Fact]
    public void Find_RuleAfterMatchWithNoCondition_Unreachable()
    {
        Assert.Equal(
            [(MeshAnalyzer.UnreachableRule, "VirtualService rule #1 not used (route without matches defined before).")],
            UnreachableRules.Find([Rule(new HttpMatchRequest { Name = "everything" }), Rule(Prefix("/a"))]));
    }

    private static HttpMatchRequest Prefix(string prefix) => new() { Uri = StringMatch.Prefix(prefix) };

    private static HttpRoute Rule(params HttpMatchRequest[] matches) => new()
    {
        Match = [.. matches],
        Route = [new HttpRouteDestination { Destination = new Destination { Host = "reviews" } }],
    };
}
