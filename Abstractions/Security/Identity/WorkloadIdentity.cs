using System.Security.Cryptography.X509Certificates;

namespace OrleansMesh.Security.Identity;

/// <summary>
/// A workload's side of the mesh CA (Istio's agent): creates its key locally, gets it signed through a CSR, holds the
/// certificate and renews it at half its lifetime with jitter; keeps <see cref="Trust"/> (roots and revoked serials)
/// fresh by polling the CA grain. A renewal swaps <see cref="Current"/>: connections being set up pick the new one,
/// established ones keep theirs, so no traffic is dropped. Failures are retried after
/// <see cref="WorkloadIdentityOptions.RetryDelay"/> and leave the last good certificate in place.
/// </summary>
public sealed class WorkloadIdentity : IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly WorkloadIdentityOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _renewTimer;
    private readonly ITimer _pollTimer;
    private volatile WorkloadCertificate? _current;

    /// <summary>Creates the identity; nothing is fetched before <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WorkloadIdentity(IGrainFactory grains, WorkloadIdentityOptions options, TimeProvider time, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var failures = options.Validate();
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _grains = grains;
        _options = options with { };
        _time = time;
        _random = random ?? Random.Shared;
        Trust = new MeshTrustStore(time);
        _renewTimer = time.CreateTimer(_ => _ = RenewAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _pollTimer = time.CreateTimer(_ => _ = PollAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The roots and revocations peers are verified against.</summary>
    public MeshTrustStore Trust { get; }

    /// <summary>The certificate (with its private key) to present on new connections, or null before the first one.</summary>
    public X509Certificate2? Current => _current?.Certificate;

    /// <summary>The current certificate with what the CA said about it, or null.</summary>
    public WorkloadCertificate? CurrentIssued => _current;

    /// <summary>The last failure of a renewal or poll, or null after a success (for health reporting and logs).</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Raised after each new certificate is in place.</summary>
    public event Action<WorkloadCertificate>? Renewed;

    private ICertificateAuthorityGrain Ca => _grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey);

    /// <summary>Fetches the trust bundle and revocations, gets the first certificate, and starts renewal and polling.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await RefreshTrustAsync().WaitAsync(cancellationToken);
        await IssueAsync().WaitAsync(cancellationToken);
        _pollTimer.Change(_options.RevocationPollInterval, _options.RevocationPollInterval);
    }

    /// <summary>
    /// As <see cref="StartAsync"/>, tried again every <see cref="WorkloadIdentityOptions.RetryDelay"/> until it succeeds or
    /// <paramref name="cancellationToken"/> ends it: a workload that starts before the cluster is reachable gets its
    /// certificate once it is. <paramref name="failed"/> hears of each failed try.
    /// </summary>
    /// <returns>True once started; false when cancelled first.</returns>
    public async Task<bool> StartWhenReachableAsync(Action<Exception> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await StartAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failed(ex);
                await Task.Delay(_options.RetryDelay, _time, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }

        return false;
    }

    /// <summary>
    /// Gets a new certificate now (also what the renewal timer does). While the current certificate is unexpired it
    /// proves possession of it (<see cref="RenewalProof"/>); otherwise, or when the CA refuses that proof (e.g. the
    /// certificate was revoked) and a join token is configured, it sends the join token.
    /// </summary>
    public async Task<WorkloadCertificate> IssueAsync()
    {
        var trustDomain = Trust.TrustDomain ?? (await Ca.GetTrustBundleAsync()).TrustDomain;
        var id = SpiffeId.Create(trustDomain, _options.Namespace, _options.ServiceAccount);
        var (key, csr) = WorkloadCsr.Create(id);
        using (key)
        {
            var request = new CertificateSigningRequest { Csr = csr, SpiffeId = id.ToString(), Ttl = _options.Ttl };
            var signed = await SignAsync(request, id);
            var chain = new X509Certificate2Collection();
            chain.ImportFromPem(signed.ChainPem);
            using var leaf = chain[0];
            var withKey = leaf.CopyWithPrivateKey(key);
            chain.RemoveAt(0);
            var issued = new WorkloadCertificate(withKey, chain, id, signed.SerialNumber, signed.NotBefore, signed.NotAfter);
            _current = issued;
            LastError = null;
            Schedule(RenewalSchedule.RenewAt(signed.NotBefore, signed.NotAfter, _options.RenewalJitter, _random.NextDouble()) - _time.GetUtcNow());
            Renewed?.Invoke(issued);
            return issued;
        }
    }

    /// <summary>Fetches the trust bundle and the revoked serials now (also what the poll timer does).</summary>
    public async Task RefreshTrustAsync()
    {
        var ca = Ca;
        var bundle = await ca.GetTrustBundleAsync();
        var revoked = await ca.GetRevokedAsync();
        Trust.SetBundle(bundle);
        Trust.SetRevoked(revoked);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _renewTimer.DisposeAsync();
        await _pollTimer.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<SignedCertificate> SignAsync(CertificateSigningRequest request, SpiffeId id)
    {
        if (_current is not { } current || current.NotAfter <= _time.GetUtcNow() || current.Identity != id
            || current.Certificate.GetECDsaPrivateKey() is not { } currentKey)
        {
            return await Ca.SignAsync(request with { JoinToken = ReadJoinToken() });
        }

        using (currentKey)
        {
            var renewal = request with
            {
                CurrentCertificatePem = current.Certificate.ExportCertificatePem(),
                RenewalProof = RenewalProof.Create(currentKey, request.Csr),
            };
            try
            {
                return await Ca.SignAsync(renewal);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or ArgumentException && ReadJoinToken() is { } token)
            {
                return await Ca.SignAsync(request with { JoinToken = token });
            }
        }
    }

    // Read on every use: a rotated Kubernetes Secret updates the mounted file in place.
    private string? ReadJoinToken()
    {
        if (!string.IsNullOrEmpty(_options.JoinToken))
        {
            return _options.JoinToken;
        }

        if (string.IsNullOrEmpty(_options.JoinTokenFile))
        {
            return null;
        }

        try
        {
            var token = File.ReadAllText(_options.JoinTokenFile).Trim();
            return token.Length > 0 ? token : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private void Schedule(TimeSpan due)
    {
        if (!_stopping.IsCancellationRequested)
        {
            _renewTimer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            await IssueAsync();
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            // The old certificate stays in use until it expires; keep asking.
            LastError = ex;
            Schedule(_options.RetryDelay);
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync()
    {
        try
        {
            await RefreshTrustAsync();
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            // The last known revocations stay in force; the next tick tries again.
            LastError = ex;
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }
    }
}
