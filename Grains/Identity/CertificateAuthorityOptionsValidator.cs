using Microsoft.Extensions.Options;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>Checks <see cref="CertificateAuthorityOptions"/> with messages that name the setting to fix.</summary>
internal sealed class CertificateAuthorityOptionsValidator : IValidateOptions<CertificateAuthorityOptions>
{
    private const string Section = "OrleansMesh:CertificateAuthority:";

    public ValidateOptionsResult Validate(string? name, CertificateAuthorityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!SpiffeId.IsValidTrustDomain(options.TrustDomain))
        {
            failures.Add($"{Section}TrustDomain '{options.TrustDomain}' is not a SPIFFE trust domain: use lower-case letters, digits, '.', '-' and '_' (default cluster.local).");
        }

        if (options.MaxTtl <= TimeSpan.Zero || options.MaxTtl >= options.CaValidity)
        {
            failures.Add($"{Section}MaxTtl must be positive and shorter than CaValidity ({options.CaValidity}); it is {options.MaxTtl}.");
        }

        if (options.DefaultTtl <= TimeSpan.Zero || options.DefaultTtl > options.MaxTtl)
        {
            failures.Add($"{Section}DefaultTtl must be positive and at most MaxTtl ({options.MaxTtl}); it is {options.DefaultTtl}.");
        }

        if (options.MaxJoinTokenTtl <= TimeSpan.Zero)
        {
            failures.Add($"{Section}MaxJoinTokenTtl must be positive (default 365 days); it is {options.MaxJoinTokenTtl}.");
        }

        if (options.DefaultJoinTokenTtl <= TimeSpan.Zero || options.DefaultJoinTokenTtl > options.MaxJoinTokenTtl)
        {
            failures.Add($"{Section}DefaultJoinTokenTtl must be positive and at most MaxJoinTokenTtl ({options.MaxJoinTokenTtl}); it is {options.DefaultJoinTokenTtl}.");
        }

        if (string.IsNullOrEmpty(options.OperatorRootCertificateFile) != string.IsNullOrEmpty(options.OperatorRootKeyFile))
        {
            failures.Add($"{Section}OperatorRootCertificateFile and {Section}OperatorRootKeyFile go together: set both (intermediate CA) or neither (self-signed root).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
