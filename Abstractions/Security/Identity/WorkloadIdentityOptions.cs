namespace OrleansMesh.Security.Identity;

/// <summary>Who a workload is and how it keeps its certificate fresh. The trust domain comes from the CA's bundle.</summary>
public sealed record WorkloadIdentityOptions
{
    /// <summary>The workload's namespace. Default: "default".</summary>
    public string Namespace { get; set; } = "default";

    /// <summary>The workload's service account. Default: "default" (Kubernetes' own default service account).</summary>
    public string ServiceAccount { get; set; } = "default";

    /// <summary>Lifetime asked for; null takes the CA's default (24 h unless the CA is configured otherwise). Default: null.</summary>
    public TimeSpan? Ttl { get; set; }

    /// <summary>
    /// How often the revoked serials and the trust bundle are fetched from the CA grain. Default: 2 s, so a revoked
    /// certificate is refused within about that long (one cheap grain call per workload per interval).
    /// </summary>
    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Renewal happens at half the lifetime, moved by up to this share of the lifetime either way, so that a fleet does not renew at once. Default: 0.05.</summary>
    public double RenewalJitter { get; set; } = 0.05;

    /// <summary>Wait before trying again after a failed renewal or poll. Default: 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A join token for this workload's namespace and service account (<c>meshctl identity token create</c>), sent to get
    /// the first certificate (and again whenever a renewal with the current certificate is refused). Set this or
    /// <see cref="JoinTokenFile"/>, not both. Default: unset (a CA that requires workload credentials refuses the first
    /// certificate).
    /// </summary>
    public string? JoinToken { get; set; }

    /// <summary>
    /// A file holding the join token (e.g. a mounted Kubernetes Secret), read again before each first issuance so a
    /// rotated Secret is picked up; a missing file counts as no token. Default: unset.
    /// </summary>
    public string? JoinTokenFile { get; set; }

    /// <summary>Problems with these settings, with the setting to fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (!SpiffeId.TryParse($"spiffe://td/ns/{Namespace}/sa/{ServiceAccount}", out _))
        {
            failures.Add($"{nameof(Namespace)} '{Namespace}' and {nameof(ServiceAccount)} '{ServiceAccount}' must be non-empty and use only letters, digits, '.', '-' and '_'.");
        }

        if (Ttl is { } ttl && ttl <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(Ttl)} must be positive (or unset for the CA's default); it is {ttl}.");
        }

        if (RevocationPollInterval <= TimeSpan.Zero || RevocationPollInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{nameof(RevocationPollInterval)} must be between 0 and 5 minutes (default 2 s); it is {RevocationPollInterval}.");
        }

        if (RenewalJitter is < 0 or > 0.25)
        {
            failures.Add($"{nameof(RenewalJitter)} must be between 0 and 0.25 (default 0.05); it is {RenewalJitter}.");
        }

        if (RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(RetryDelay)} must be positive (default 1 s); it is {RetryDelay}.");
        }

        if (!string.IsNullOrEmpty(JoinToken) && !string.IsNullOrEmpty(JoinTokenFile))
        {
            failures.Add($"{nameof(JoinToken)} and {nameof(JoinTokenFile)} are both set: set one.");
        }

        if (!string.IsNullOrEmpty(JoinToken) && !JoinTokenFormat.IsWellFormed(JoinToken))
        {
            failures.Add($"{nameof(JoinToken)} is not a join token (it starts with '{JoinTokenFormat.Prefix}'; create one with 'meshctl identity token create --namespace NS --service-account SA').");
        }

        if (JoinTokenFile is { } file && (file.Length == 0 || file.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            failures.Add($"{nameof(JoinTokenFile)} '{file}' is not a file path.");
        }

        return failures;
    }
}
