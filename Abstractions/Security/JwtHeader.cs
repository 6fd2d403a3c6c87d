namespace OrleansMesh.Security;

/// <summary>Istio <c>JWTHeader</c>: a header that carries a token, after an optional prefix such as <c>Bearer </c>.</summary>
[GenerateSerializer, Immutable, Alias("om.JwtHeader")]
public sealed record JwtHeader
{
    /// <summary>The header name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>Text before the token, e.g. <c>Bearer </c>; empty for none.</summary>
    [Id(1)] public string Prefix { get; init; } = "";
}
