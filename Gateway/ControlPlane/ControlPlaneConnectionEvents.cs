namespace OrleansMesh.Gateway.ControlPlane;

/// <summary>
/// The gateway's Orleans client connecting to or losing a silo, as tasks the subscriber can wait on: a connection
/// ends a backoff after a lost control plane (the first silo back must not wait for it), and a loss makes the
/// subscriber renew at once and often for a while (a change pushed through the lost silo before the cluster declared
/// it dead never arrives; the renewal finds the newer generation and pulls it).
/// </summary>
internal sealed class ControlPlaneConnectionEvents : IClusterConnectionStatusObserver
{
    private TaskCompletionSource _connected = NewSource();
    private CancellationTokenSource _lost = new();

    /// <summary>Completes at the next connection to a silo after this call.</summary>
    public Task NextConnection => Volatile.Read(ref _connected).Task;

    /// <summary>Cancelled at the next lost connection to a silo after this call.</summary>
    public CancellationToken NextLoss => Volatile.Read(ref _lost).Token;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways > previousNumberOfGateways || connectionRecovered)
        {
            Interlocked.Exchange(ref _connected, NewSource()).TrySetResult();
        }

        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            SignalLoss();
        }
    }

    public void NotifyClusterConnectionLost() => SignalLoss();

    // The old source is cancelled, not disposed: a subscriber may still be linking to its token.
    private void SignalLoss() => Interlocked.Exchange(ref _lost, new CancellationTokenSource()).Cancel();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
