using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OrleansMesh.Resilience;

namespace OrleansMesh.Gateway.RateLimiting;

/// <summary>
/// Leases tokens for the buckets that ran low and gives back what idle buckets hold, off the request path.
/// A lease that fails puts the bucket on a local limiter with the same parameters until the grain answers again.
/// </summary>
internal sealed partial class RateLimitLeaser : BackgroundService
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<LeasedBucket> _queue = Channel.CreateUnbounded<LeasedBucket>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGrainFactory _grains;
    private readonly RateLimitingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RateLimitLeaser> _logger;
    private int _degraded;

    public RateLimitLeaser(IGrainFactory grains, IOptions<RateLimitingOptions> options, TimeProvider time, ILogger<RateLimitLeaser> logger)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _grains = grains;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public long Frequency => _time.TimestampFrequency;

    public RateLimitingOptions Options => _options;

    public void Enqueue(LeasedBucket bucket) => _queue.Writer.TryWrite(bucket);

    /// <summary>Gives back the tokens of buckets unused for a lease duration, so other gateways can spend them.</summary>
    public void ReturnIdle(IEnumerable<LeasedBucket> buckets)
    {
        var now = _time.GetTimestamp();
        var idle = (long)(_options.LeaseDuration.TotalSeconds * Frequency);
        foreach (var bucket in buckets)
        {
            if (bucket.Tokens > 0 && now - bucket.LastUsed > idle && bucket.TakeUnused() is > 0 and var unused)
            {
                _ = SendAsync(bucket, new LeaseRequest { Settings = bucket.Settings, Returned = unused, Owed = bucket.TakeOwed() }, CancellationToken.None);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var bucket in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                // Not awaited: one slow bucket must not hold up the others (each bucket has at most one lease in flight).
                _ = LeaseAsync(bucket, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task LeaseAsync(LeasedBucket bucket, CancellationToken cancellationToken)
    {
        // A multi-token request larger than a lease asks for its whole shortfall, so it is not refused forever; a burst
        // waiting for this lease asks for all it waits for, so it is not served one lease at a time.
        var needed = bucket.TakeNeeded();
        var wanted = Math.Max(Math.Max(bucket.LeaseSize, needed), Math.Min(bucket.TakeDemand(), bucket.Settings.Capacity));
        var request = new LeaseRequest { Settings = bucket.Settings, Wanted = wanted, Owed = bucket.TakeOwed(), Needed = needed };
        return SendAsync(bucket, request, cancellationToken);
    }

    private async Task SendAsync(LeasedBucket bucket, LeaseRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var lease = await _grains.GetGrain<IRateLimitGrain>(bucket.Id).LeaseAsync(request)
                .WaitAsync(_options.CallTimeout, _time, cancellationToken).ConfigureAwait(false);
            if (request.Wanted > 0)
            {
                bucket.Leased(lease, _time.GetTimestamp(), request.Needed);
            }

            if (Interlocked.Exchange(ref _degraded, 0) == 1)
            {
                LogRecovered();
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            bucket.LeaseFailed(_time.GetTimestamp(), request.Owed, s_retryDelay);
            if (Interlocked.Exchange(ref _degraded, 1) == 0)
            {
                LogDegraded(exception.GetType().Name, exception.Message);
            }
        }
    }
}
