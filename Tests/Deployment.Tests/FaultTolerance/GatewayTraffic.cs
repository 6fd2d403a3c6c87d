using System.Collections.Concurrent;

namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>The load generator's live counters for one gateway. Requests still in flight are counted when they end.</summary>
internal sealed class GatewayTraffic(string name, Uri proxy)
{
    private const int KeptFailures = 20;

    private readonly ConcurrentQueue<string> _failures = new();
    private long _sent;
    private long _succeeded;
    private long _failed;
    private long _expectedFailures;
    private volatile bool _expectDown;

    public string Name { get; } = name;

    public Uri Proxy { get; } = proxy;

    /// <summary>While true, failures through this gateway are the expected ones of a gateway the test killed.</summary>
    public bool ExpectDown
    {
        get => _expectDown;
        set => _expectDown = value;
    }

    /// <summary>The first failures seen, with when and why, for assertion messages.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public TrafficCounts Counts => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _succeeded), Interlocked.Read(ref _failed), Interlocked.Read(ref _expectedFailures));

    public void OnSent() => Interlocked.Increment(ref _sent);

    public void OnSucceeded() => Interlocked.Increment(ref _succeeded);

    /// <summary>Counts a failure; <paramref name="wasDown"/> is whether the gateway was declared down when the request was sent.</summary>
    public void OnFailed(bool wasDown, TimeSpan at, string why)
    {
        if (wasDown)
        {
            Interlocked.Increment(ref _expectedFailures);
            return;
        }

        Interlocked.Increment(ref _failed);
        if (_failures.Count < KeptFailures)
        {
            _failures.Enqueue($"{Name} at {at.TotalSeconds:F2} s: {why}");
        }
    }
}
