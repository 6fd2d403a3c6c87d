namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>Where a token is read from: a header after a prefix, a query parameter or a cookie.</summary>
internal sealed record JwtLocation(JwtLocationKind Kind, string Name, string Prefix = "")
{
    /// <summary>Istio's defaults when a rule names no location: <c>Authorization: Bearer</c>, then <c>?access_token=</c>.</summary>
    public static IReadOnlyList<JwtLocation> Defaults { get; } =
    [
        new(JwtLocationKind.Header, "Authorization", "Bearer "),
        new(JwtLocationKind.Query, "access_token"),
    ];
}
