using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Security.Admin;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Grains.Identity;

/// <summary>
/// The mesh CA. On first activation it creates its key and certificate and persists them (the key as PKCS#8 in grain
/// state) and a random HMAC secret for join tokens; afterwards it signs validated CSRs of callers entitled to the
/// identity (join token, renewal proof or admin token; see <see cref="CertificateAuthorityOptions.RequireWorkloadCredential"/>),
/// records serials until they expire, and revokes on request. Key and secret are used here and returned by no method;
/// the trust bundle carries certificates only.
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

        // State stored before join tokens existed has no secret: add one, keeping the CA's key and records.
        if (state.State.JoinTokenSecret is null || state.State.JoinTokens is null)
        {
            state.State.JoinTokenSecret ??= RandomNumberGenerator.GetBytes(32);
            state.State.JoinTokens ??= new(StringComparer.Ordinal);
            await state.WriteStateAsync();
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
        Authorize(request, identity);
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
        Ledger.Record(issued, now);
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

    public Task<ImmutableArray<IssuedCertificate>> ListIssuedAsync() => Task.FromResult(Ledger.Current(time.GetUtcNow()));

    public async Task<bool> RevokeAsync(string serialNumber)
    {
        if (!Ledger.Revoke(serialNumber, time.GetUtcNow(), out var revoked))
        {
            return false;
        }

        if (revoked is not null)
        {
            await state.WriteStateAsync();
            LogRevoked(logger, revoked.SerialNumber, revoked.SpiffeId);
        }

        return true;
    }

    public Task<ImmutableArray<string>> GetRevokedAsync() => Task.FromResult(Ledger.Revoked(time.GetUtcNow()));

    public async Task<CreatedJoinToken> CreateJoinTokenAsync(string @namespace, string serviceAccount, TimeSpan? ttl)
    {
        if (!SpiffeId.TryParse($"spiffe://{_options.TrustDomain}/ns/{@namespace}/sa/{serviceAccount}", out _))
        {
            throw new ArgumentException($"Join token refused: namespace '{@namespace}' and service account '{serviceAccount}' must be non-empty and use only letters, digits, '.', '-' and '_'.");
        }

        var lifetime = ttl ?? _options.DefaultJoinTokenTtl;
        if (lifetime <= TimeSpan.Zero || lifetime > _options.MaxJoinTokenTtl)
        {
            throw new ArgumentException($"Join token refused: the TTL must be positive and at most {_options.MaxJoinTokenTtl} (OrleansMesh:CertificateAuthority:MaxJoinTokenTtl); it is {lifetime}.");
        }

        var now = time.GetUtcNow();
        var info = new JoinTokenInfo
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Namespace = @namespace,
            ServiceAccount = serviceAccount,
            CreatedAt = now,
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds()),
        };
        Ledger.AddToken(info, now);
        await state.WriteStateAsync();
        LogTokenCreated(logger, info.Id, @namespace, serviceAccount, info.ExpiresAt);
        return new CreatedJoinToken { Token = JoinTokenCodec.Create(state.State.JoinTokenSecret!, info), Info = info };
    }

    public Task<ImmutableArray<JoinTokenInfo>> ListJoinTokensAsync() => Task.FromResult(Ledger.Tokens(time.GetUtcNow()));

    public async Task<bool> RevokeJoinTokenAsync(string id)
    {
        if (!Ledger.RevokeToken(id, time.GetUtcNow(), out var revoked))
        {
            return false;
        }

        if (revoked is not null)
        {
            await state.WriteStateAsync();
            LogTokenRevoked(logger, revoked.Id, revoked.Namespace, revoked.ServiceAccount);
        }

        return true;
    }

    // The state's dictionaries are the ledger's: it is recreated whenever the state object may have been replaced.
    private CertificateLedger Ledger => new(state.State);

    private void Authorize(CertificateSigningRequest request, SpiffeId identity)
    {
        if (!_options.RequireWorkloadCredential || AdminToken.IsVerifiedCaller())
        {
            return;
        }

        if (SigningAuthorization.Check(request, identity, state.State, _ca!, time.GetUtcNow()) is { } reason)
        {
            LogRefused(logger, identity.ToString(), reason);
            throw new UnauthorizedAccessException(SigningAuthorization.Refusal(identity, reason));
        }
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
}
