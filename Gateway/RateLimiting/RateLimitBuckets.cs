using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// Every bucket this gateway holds, cluster-wide (leased) and local, by id (<c>scope/client-key</c>), kept across
/// config snapshots. Per-client buckets are bounded: idle ones are dropped by <see cref="Sweep"/>.
/// </summary>
internal sealed class RateLimitBuckets : IDisposable
{
    /// <summary>Client keys longer than this are hashed: they become grain keys and dictionary keys.</summary>
    private const int MaxKeyLength = 128;

    // Keyed by (scope, client key) so the request path looks a bucket up without building its id.
    private readonly ConcurrentDictionary<(string Scope, string? Key), LeasedBucket> _global = new();
    private readonly ConcurrentDictionary<(string Scope, string? Key), GcraLimiter> _local = new();
    private readonly RateLimitLeaser _leaser;
    private readonly ITimer _sweeper;

    public RateLimitBuckets(RateLimitLeaser leaser, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(leaser);
        ArgumentNullException.ThrowIfNull(time);
        _leaser = leaser;
        Time = time;
        var period = _leaser.Options.LeaseDuration;
        _sweeper = time.CreateTimer(static s => ((RateLimitBuckets)s!).Sweep(), this, period, period);
    }

    public TimeProvider Time { get; }

    public int Count => _global.Count + _local.Count;

    /// <summary>How long a refused request may wait for a lease in flight (<see cref="RateLimitingOptions.LeaseWait"/>).</summary>
    public TimeSpan LeaseWait => _leaser.Options.LeaseWait;

    /// <summary>Where requests that would need a new per-client bucket go once the gateway holds too many.</summary>
    public const string OverflowKey = "~overflow";

    public LeasedBucket Global(string scope, string? key, RateLimitSettings settings)
    {
        var entry = (scope, Bounded(key));
        if (_global.TryGetValue(entry, out var bucket) && bucket.Settings == settings)
        {
            return bucket;
        }

        if (key is not null && bucket is null && !HasRoom)
        {
            entry = (scope, OverflowKey);
        }

        var options = _leaser.Options;
        var leaseSize = Math.Max(1, (int)Math.Ceiling(settings.Capacity * options.LeaseFraction));
        var created = new LeasedBucket(Id(entry), settings, leaseSize, options.Credit ?? leaseSize, _leaser);
        return _global.AddOrUpdate(entry, created, (_, existing) => existing.Settings == settings ? existing : created);
    }

    public GcraLimiter Local(string scope, string? key, RateLimitSettings settings)
    {
        var entry = (scope, Bounded(key));
        if (_local.TryGetValue(entry, out var limiter))
        {
            return limiter;
        }

        if (key is not null && !HasRoom)
        {
            entry = (scope, OverflowKey);
        }

        return _local.GetOrAdd(entry, static (_, s) => new GcraLimiter(s.settings, s.frequency), (settings, frequency: Time.TimestampFrequency));
    }

    private bool HasRoom => Count < _leaser.Options.MaxKeys;

    /// <summary>Gives back idle leased tokens and drops buckets that hold nothing.</summary>
    public void Sweep()
    {
        _leaser.ReturnIdle(_global.Values);
        var now = Time.GetTimestamp();
        var forget = (long)(_leaser.Options.LeaseDuration.TotalSeconds * 10 * Time.TimestampFrequency);
        foreach (var (id, bucket) in _global)
        {
            if (bucket.Tokens == 0 && now - bucket.LastUsed > forget)
            {
                _global.TryRemove(id, out _);
            }
        }

        foreach (var (id, limiter) in _local)
        {
            if (limiter.IsIdle(now))
            {
                _local.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Unspent leased tokens per limit, summed over its client keys (a metric's label must not be a client key).</summary>
    public IEnumerable<(string Scope, long Tokens)> LeasedTokensByScope() =>
        _global.GroupBy(b => b.Key.Scope, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(b => (long)Math.Max(0, b.Value.Tokens))));

    public void Dispose() => _sweeper.Dispose();

    /// <summary>The bucket grain's key: <c>scope</c> or <c>scope/client-key</c>.</summary>
    private static string Id((string Scope, string? Key) entry) => entry.Key is null ? entry.Scope : string.Concat(entry.Scope, "/", entry.Key);

    // Over-long client keys are hashed: they are dictionary keys and grain keys. Only such keys cost a hash per request.
    private static string? Bounded(string? key) =>
        key is { Length: > MaxKeyLength } ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) : key;
}
