using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// The mesh CA. On first activation it creates its key and certificate and persists them (the key as PKCS#8 in grain
/// state); afterwards it signs validated CSRs, records serials until they expire, and revokes on request. The key is
/// used here and returned by no method; the trust bundle carries certificates only.
/// </summary>
internal sealed partial class CertificateAuthorityGrain(
    [PersistentState("ca", MeshStorage.Name)] IPersistentState<CertificateAuthorityState> state,
    IOptions<CertificateAuthorityOptions> options,
    TimeProvider time,
    ILogger<CertificateAuthorityGrain> logger) : Grain, ICertificateAuthorityGrain
{
    private readonly CertificateAuthorityOptions _options = options.Value;
    private X509Certificate2? _ca;
    private TrustBundle? _bundle;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var validation = new CertificateAuthorityOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(CertificateAuthorityOptions), validation.Failures);
        }

        if (state.State.KeyPkcs8 is null || state.State.CaCertificatePem is null)
        {
            await CreateCaAsync();
        }

        using var ca = X509Certificate2.CreateFromPem(state.State.CaCertificatePem);
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(state.State.KeyPkcs8, out _);
        _ca = ca.CopyWithPrivateKey(key);
        _bundle = new TrustBundle
        {
            TrustDomain = _options.TrustDomain,
            RootsPem = state.State.OperatorRootPem ?? state.State.CaCertificatePem!,
            IntermediatesPem = state.State.OperatorRootPem is null ? "" : state.State.CaCertificatePem!,
        };
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _ca?.Dispose();
        return Task.CompletedTask;
    }

    public Task<TrustBundle> GetTrustBundleAsync() => Task.FromResult(_bundle!);

    public async Task<SignedCertificate> SignAsync(CertificateSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (key, identity) = CsrValidator.Validate(request, _options.TrustDomain);
        var ttl = request.Ttl ?? _options.DefaultTtl;
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Certificate request refused: the TTL must be positive, not {ttl}.", nameof(request));
        }

        var now = time.GetUtcNow();
        using var leaf = CertificateIssuer.Issue(key, identity, _ca!, now, ttl < _options.MaxTtl ? ttl : _options.MaxTtl);
        var issued = new IssuedCertificate
        {
            SerialNumber = leaf.SerialNumber,
            SpiffeId = identity.ToString(),
            NotBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime()),
            NotAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime()),
        };
        Prune(now);
        state.State.Issued[issued.SerialNumber] = issued;
        await state.WriteStateAsync();
        LogIssued(logger, issued.SerialNumber, issued.SpiffeId, issued.NotAfter);
        return new SignedCertificate
        {
            ChainPem = leaf.ExportCertificatePem() + "\n" + _bundle!.IntermediatesPem,
            SerialNumber = issued.SerialNumber,
            NotBefore = issued.NotBefore,
            NotAfter = issued.NotAfter,
        };
    }

    public Task<ImmutableArray<IssuedCertificate>> ListIssuedAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult(state.State.Issued.Values.Where(c => c.NotAfter > now).OrderBy(c => c.NotAfter).ToImmutableArray());
    }

    public async Task<bool> RevokeAsync(string serialNumber)
    {
        ArgumentNullException.ThrowIfNull(serialNumber);
        var serial = serialNumber.Trim().Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!state.State.Issued.TryGetValue(serial, out var issued) || issued.NotAfter <= time.GetUtcNow())
        {
            return false;
        }

        if (issued.RevokedAt is null)
        {
            state.State.Issued[serial] = issued with { RevokedAt = time.GetUtcNow() };
            await state.WriteStateAsync();
            LogRevoked(logger, serial, issued.SpiffeId);
        }

        return true;
    }

    public Task<ImmutableArray<string>> GetRevokedAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult(state.State.Issued.Values.Where(c => c.RevokedAt is not null && c.NotAfter > now).Select(c => c.SerialNumber).ToImmutableArray());
    }

    private async Task CreateCaAsync()
    {
        var now = time.GetUtcNow();
        X509Certificate2 ca;
        if (!string.IsNullOrEmpty(_options.OperatorRootCertificateFile))
        {
            using var root = CaBootstrap.LoadOperatorRoot(_options.OperatorRootCertificateFile, _options.OperatorRootKeyFile!);
            ca = CaBootstrap.CreateIntermediate(root, _options.TrustDomain, now, _options.CaValidity);
            state.State.OperatorRootPem = root.ExportCertificatePem();
        }
        else
        {
            ca = CaBootstrap.CreateRoot(_options.TrustDomain, now, _options.CaValidity);
        }

        using (ca)
        using (var key = ca.GetECDsaPrivateKey()!)
        {
            state.State.KeyPkcs8 = key.ExportPkcs8PrivateKey();
            state.State.CaCertificatePem = ca.ExportCertificatePem();
            await state.WriteStateAsync();
            LogCreated(logger, _options.TrustDomain, ca.Subject, ca.NotAfter.ToUniversalTime());
        }
    }

    // Expired certificates need no revocation entry: peers refuse them on expiry alone.
    private void Prune(DateTimeOffset now)
    {
        foreach (var serial in state.State.Issued.Where(p => p.Value.NotAfter <= now).Select(p => p.Key).ToArray())
        {
            state.State.Issued.Remove(serial);
        }
    }
}
