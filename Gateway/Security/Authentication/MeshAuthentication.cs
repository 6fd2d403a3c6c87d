using System.Text.Json;

namespace OrleansMesh.Gateway.Security.Authentication;

/// <summary>A verified JWT: the request principal (<c>iss/sub</c>) and the token's claims.</summary>
internal sealed record MeshAuthentication(string Issuer, string Subject, JsonElement Claims)
{
    /// <summary>Istio's request principal, <c>iss/sub</c>.</summary>
    public string Principal { get; } = $"{Issuer}/{Subject}";

    /// <summary>The <c>aud</c> claim, a string or a list.</summary>
    public IReadOnlyList<string?> Audiences { get; } = Authorization.ConditionMatcher.ClaimValues(Claims, ["aud"]);

    /// <summary>The <c>azp</c> claim.</summary>
    public string? Presenter { get; } = Claims.TryGetProperty("azp", out var azp) && azp.ValueKind == JsonValueKind.String ? azp.GetString() : null;

    /// <summary>A claim's values by its path (<c>["groups"]</c>, or <c>["a", "b"]</c> for a nested one).</summary>
    public IReadOnlyList<string?> Claim(params string[] path) => Authorization.ConditionMatcher.ClaimValues(Claims, path);
}
