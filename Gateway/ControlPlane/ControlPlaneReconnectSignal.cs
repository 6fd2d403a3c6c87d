namespace OrleansMesh.Gateway.ControlPlane;

/// <summary>
/// Tells the subscriber that the Orleans client connected to another silo (a gateway silo came back or was added),
/// so a subscriber backing off after a lost control plane tries again at once instead of after its backoff delay.
/// </summary>
internal sealed class ControlPlaneReconnectSignal : IClusterConnectionStatusObserver
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next connection to a silo after this call.</summary>
    public Task NextConnection => Volatile.Read(ref _next).Task;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways > previousNumberOfGateways || connectionRecovered)
        {
            Interlocked.Exchange(ref _next, NewSource()).TrySetResult();
        }
    }

    public void NotifyClusterConnectionLost()
    {
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
