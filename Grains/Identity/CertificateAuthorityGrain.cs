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
        PruneTokens(now);
        state.State.JoinTokens![info.Id] = info;
        await state.WriteStateAsync();
        LogTokenCreated(logger, info.Id, @namespace, serviceAccount, info.ExpiresAt);
        return new CreatedJoinToken { Token = JoinTokenCodec.Create(state.State.JoinTokenSecret!, info), Info = info };
    }

    public Task<ImmutableArray<JoinTokenInfo>> ListJoinTokensAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult(state.State.JoinTokens!.Values.Where(t => t.ExpiresAt > now).OrderBy(t => t.ExpiresAt).ToImmutableArray());
    }

    public async Task<bool> RevokeJoinTokenAsync(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = id.Trim().ToLowerInvariant();
        if (!state.State.JoinTokens!.TryGetValue(key, out var info) || info.ExpiresAt <= time.GetUtcNow())
        {
            return false;
        }

        if (info.RevokedAt is null)
        {
            state.State.JoinTokens[key] = info with { RevokedAt = time.GetUtcNow() };
            await state.WriteStateAsync();
            LogTokenRevoked(logger, key, info.Namespace, info.ServiceAccount);
        }

        return true;
    }

    private void Authorize(CertificateSigningRequest request, SpiffeId identity)
    {
        if (!_options.RequireWorkloadCredential || AdminToken.IsVerifiedCaller())
        {
            return;
        }

        var now = time.GetUtcNow();
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(request.JoinToken))
        {
            var failure = JoinTokenValidator.Check(state.State.JoinTokenSecret!, request.JoinToken, identity, state.State.JoinTokens!, now);
            if (failure is null)
            {
                return;
            }

            failures.Add(failure);
        }

        if (!string.IsNullOrEmpty(request.CurrentCertificatePem) || !string.IsNullOrEmpty(request.RenewalProof))
        {
            var failure = RenewalProofVerifier.Check(request, _ca!, identity, serial => state.State.Issued.GetValueOrDefault(serial), now);
            if (failure is null)
            {
                return;
            }

            failures.Add(failure);
        }

        var reason = failures.Count == 0 ? "no workload credential (join token or renewal proof) was sent" : string.Join("; ", failures);
        LogRefused(logger, identity.ToString(), reason);
        throw new UnauthorizedAccessException(
            $"Certificate request for {identity} refused: {reason}. A first certificate needs a join token for namespace '{identity.Namespace}', service account '{identity.ServiceAccount}': "
            + $"create one with 'meshctl identity token create --namespace {identity.Namespace} --service-account {identity.ServiceAccount}' and give it to the workload (JoinToken or JoinTokenFile setting); "
            + "a renewal signs the new CSR with the current, unrevoked certificate's key.");
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

    private void PruneTokens(DateTimeOffset now)
    {
        foreach (var id in state.State.JoinTokens!.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToArray())
        {
            state.State.JoinTokens!.Remove(id);
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
