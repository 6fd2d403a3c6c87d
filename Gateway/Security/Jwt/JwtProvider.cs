using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>A compiled <c>jwtRule</c>: issuer, audiences, where its tokens are and what the gateway passes upstream.</summary>
internal sealed class JwtProvider(JwtRule rule, IJwksSource keys)
{
    public JwtRule Rule { get; } = rule;

    public string Issuer => Rule.Issuer;

    public IJwksSource Keys { get; } = keys;

    public IReadOnlyList<JwtLocation> Locations { get; } = Compile(rule);

    /// <summary>The claims authorization matches word by word for tokens of this rule.</summary>
    public IReadOnlySet<string> SpaceDelimitedClaims { get; } = Authentication.MeshAuthentication.SpaceDelimited(rule);

    private static IReadOnlyList<JwtLocation> Compile(JwtRule rule)
    {
        var locations = rule.FromHeaders.Select(h => new JwtLocation(JwtLocationKind.Header, h.Name, h.Prefix))
            .Concat(rule.FromParams.Select(p => new JwtLocation(JwtLocationKind.Query, p)))
            .Concat(rule.FromCookies.Select(c => new JwtLocation(JwtLocationKind.Cookie, c)))
            .ToArray();
        return locations.Length == 0 ? JwtLocation.Defaults : locations;
    }
}
