using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Security;

/// <summary>Request authentication settings of a gateway, from the <c>OrleansMesh:Gateway:Security</c> section.</summary>
internal sealed class MeshSecurityOptions
{
    public const string SectionName = "OrleansMesh:Gateway:Security";

    /// <summary>
    /// Leeway on a token's <c>exp</c> and <c>nbf</c> for clocks that disagree. Default: 60 s, Envoy's
    /// <c>clock_skew_seconds</c> default, which Istio keeps.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longest token accepted, in characters. Default: 8192; longer ones get 401 before any parsing.
    /// Real tokens are well under 2 KB; the limit bounds the work an attacker can cause per request.
    /// </summary>
    [Range(256, 65536)]
    public int MaxTokenLength { get; set; } = 8192;

    /// <summary>How often keys from a <c>jwksUri</c> are fetched again. Default: 20 min, Istio's JWKS refresh interval.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Least time between two fetches caused by tokens naming an unknown <c>kid</c>. Default: 30 s: a key rotated at
    /// the issuer is picked up at once, while a stream of forged kids costs the issuer at most one fetch per 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan JwksMinRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one JWKS fetch when the rule sets no <c>timeout</c>. Default: 5 s, Istio's.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan JwksFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest JWKS document read, in bytes. Default: 1 MiB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxJwksBytes { get; set; } = 1024 * 1024;
}
