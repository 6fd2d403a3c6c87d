using System.Collections.Immutable;

namespace OrleansMesh.Security;

/// <summary>Istio <c>JWTRule</c>: one accepted issuer, its keys, where its tokens are found and what is passed on.</summary>
[GenerateSerializer, Immutable, Alias("om.JwtRule")]
public sealed record JwtRule
{
    /// <summary>The <c>iss</c> a token must carry.</summary>
    [Id(0)] public string Issuer { get; init; } = "";

    /// <summary>Accepted <c>aud</c> values; empty accepts any audience.</summary>
    [Id(1)] public ImmutableArray<string> Audiences { get; init; } = [];

    /// <summary>Where the issuer's JSON Web Key Set is fetched from.</summary>
    [Id(2)] public string JwksUri { get; init; } = "";

    /// <summary>An inline JSON Web Key Set; wins over <see cref="JwksUri"/>.</summary>
    [Id(3)] public string Jwks { get; init; } = "";

    /// <summary>Headers the token is read from; with <see cref="FromParams"/> and <see cref="FromCookies"/> empty, <c>Authorization: Bearer</c> and the <c>access_token</c> parameter.</summary>
    [Id(4)] public ImmutableArray<JwtHeader> FromHeaders { get; init; } = [];

    /// <summary>Query parameters the token is read from.</summary>
    [Id(5)] public ImmutableArray<string> FromParams { get; init; } = [];

    /// <summary>Cookies the token is read from.</summary>
    [Id(6)] public ImmutableArray<string> FromCookies { get; init; } = [];

    /// <summary>A header the verified payload is sent upstream in (base64url).</summary>
    [Id(7)] public string OutputPayloadToHeader { get; init; } = "";

    /// <summary>Claims copied to upstream request headers.</summary>
    [Id(8)] public ImmutableArray<ClaimToHeader> OutputClaimToHeaders { get; init; } = [];

    /// <summary>Keep the token in the forwarded request. Default: false, the token is removed, as Istio does.</summary>
    [Id(9)] public bool ForwardOriginalToken { get; init; }

    /// <summary>Time allowed to fetch <see cref="JwksUri"/>; unset means the gateway's default (5 s, Istio's).</summary>
    [Id(10)] public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Claims whose string value authorization policies match word by word (split at spaces), besides <c>scope</c> and
    /// <c>permission</c>, which always are; nested claims as <c>a.b</c>.
    /// </summary>
    [Id(11)] public ImmutableArray<string> SpaceDelimitedClaims { get; init; } = [];
}
