using System.Collections.Frozen;
using System.Text.Json;

namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>A verified JWT: the request principal (<c>iss/sub</c>) and the token's claims.</summary>
internal sealed record MeshAuthentication(string Issuer, string Subject, JsonElement Claims)
{
    private static readonly FrozenSet<string> s_defaultSpaceDelimited = FrozenSet.Create(StringComparer.Ordinal, "scope", "permission");

    /// <summary>Istio's request principal, <c>iss/sub</c>.</summary>
    public string Principal { get; } = $"{Issuer}/{Subject}";

    /// <summary>The <c>aud</c> claim, a string or a list.</summary>
    public IReadOnlyList<string?> Audiences { get; } = Authorization.ConditionMatcher.ClaimValues(Claims, ["aud"]);

    /// <summary>The <c>azp</c> claim.</summary>
    public string? Presenter { get; } = Claims.TryGetProperty("azp", out var azp) && azp.ValueKind == JsonValueKind.String ? azp.GetString() : null;

    /// <summary>
    /// The claims authorization matches word by word (Envoy's <c>normalize_payload_in_metadata</c>, as Istio sets it:
    /// <c>scope</c>, <c>permission</c> and the jwtRule's <c>spaceDelimitedClaims</c>), nested ones as <c>a.b</c>.
    /// </summary>
    public IReadOnlySet<string> SpaceDelimitedClaims { get; init; } = s_defaultSpaceDelimited;

    /// <summary>A claim's values by its path (<c>["groups"]</c>, or <c>["a", "b"]</c> for a nested one).</summary>
    public IReadOnlyList<string?> Claim(params string[] path) => Authorization.ConditionMatcher.ClaimValues(Claims, path);

    /// <summary>A claim's values as authorization policies see them: a space-delimited claim's string split into words.</summary>
    /// <param name="path">The claim's path.</param>
    /// <param name="dotted">The path joined with dots, as <see cref="SpaceDelimitedClaims"/> names claims.</param>
    public IReadOnlyList<string?> PolicyClaim(IReadOnlyList<string> path, string dotted)
    {
        var values = Authorization.ConditionMatcher.ClaimValues(Claims, path);
        return values is [{ } text] && text.Contains(' ', StringComparison.Ordinal) && SpaceDelimitedClaims.Contains(dotted)
            ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : values;
    }

    /// <summary>The claims split for policies by default and by <paramref name="rule"/>.</summary>
    public static IReadOnlySet<string> SpaceDelimited(OrleansMesh.Security.JwtRule rule) =>
        rule.SpaceDelimitedClaims.IsDefaultOrEmpty ? s_defaultSpaceDelimited : s_defaultSpaceDelimited.Union(rule.SpaceDelimitedClaims).ToFrozenSet(StringComparer.Ordinal);
}
