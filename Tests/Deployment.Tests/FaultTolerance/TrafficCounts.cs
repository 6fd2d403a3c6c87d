namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>
/// Requests through one gateway: sent, answered 200, failed, and failed while the test had declared that gateway down
/// (kill -9'd on purpose), which are counted apart and never hidden.
/// </summary>
internal readonly record struct TrafficCounts(long Sent, long Succeeded, long Failed, long ExpectedFailures)
{
    public static TrafficCounts operator +(TrafficCounts a, TrafficCounts b) =>
        new(a.Sent + b.Sent, a.Succeeded + b.Succeeded, a.Failed + b.Failed, a.ExpectedFailures + b.ExpectedFailures);

    public static TrafficCounts operator -(TrafficCounts a, TrafficCounts b) =>
        new(a.Sent - b.Sent, a.Succeeded - b.Succeeded, a.Failed - b.Failed, a.ExpectedFailures - b.ExpectedFailures);
}
