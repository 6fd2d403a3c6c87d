using System.Diagnostics.CodeAnalysis;

namespace OrleansMesh.Security.Identity;

/// <summary>
/// A workload identity as Istio writes it: <c>spiffe://&lt;trust-domain&gt;/ns/&lt;namespace&gt;/sa/&lt;service-account&gt;</c>.
/// Parsing is strict (SPIFFE ID spec): lower-case trust domain of letters, digits, '.', '-', '_'; path segments of
/// letters, digits, '.', '-', '_', never empty, "." or ".."; no query, fragment, port or user info.
/// </summary>
public sealed record SpiffeId
{
    private const string Scheme = "spiffe://";
    private const int MaxLength = 2048;
    private const int MaxTrustDomainLength = 255;

    private SpiffeId(string trustDomain, string @namespace, string serviceAccount)
    {
        TrustDomain = trustDomain;
        Namespace = @namespace;
        ServiceAccount = serviceAccount;
    }

    /// <summary>The trust domain, e.g. <c>cluster.local</c>.</summary>
    public string TrustDomain { get; }

    /// <summary>The workload's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The workload's service account.</summary>
    public string ServiceAccount { get; }

    /// <summary>Builds an identity from its parts.</summary>
    /// <exception cref="ArgumentException">A part is not valid in a SPIFFE ID.</exception>
    public static SpiffeId Create(string trustDomain, string @namespace, string serviceAccount)
    {
        var id = $"{Scheme}{trustDomain}/ns/{@namespace}/sa/{serviceAccount}";
        return TryParse(id, out var parsed) ? parsed : throw new ArgumentException($"'{id}' is not a valid SPIFFE ID.", nameof(trustDomain));
    }

    /// <summary>Parses <c>spiffe://td/ns/x/sa/y</c>; false for anything else.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out SpiffeId? id)
    {
        id = null;
        if (value is null || value.Length > MaxLength || !value.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value[Scheme.Length..].Split('/');
        if (parts.Length != 5 || parts[1] != "ns" || parts[3] != "sa" || !IsValidTrustDomain(parts[0])
            || !IsValidSegment(parts[2]) || !IsValidSegment(parts[4]))
        {
            return false;
        }

        id = new SpiffeId(parts[0], parts[2], parts[4]);
        return true;
    }

    /// <summary>Whether <paramref name="trustDomain"/> is a valid SPIFFE trust domain name.</summary>
    public static bool IsValidTrustDomain(string? trustDomain) =>
        !string.IsNullOrEmpty(trustDomain) && trustDomain.Length <= MaxTrustDomainLength
        && trustDomain.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_');

    /// <summary>The URI form, as it appears in the certificate's URI SAN.</summary>
    public override string ToString() => $"{Scheme}{TrustDomain}/ns/{Namespace}/sa/{ServiceAccount}";

    private static bool IsValidSegment(string segment) =>
        segment.Length > 0 && segment is not "." and not ".."
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
