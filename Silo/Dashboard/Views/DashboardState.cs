namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>What the page shows live (<c>/dashboard/api/state</c>): the control plane and every service.</summary>
internal sealed record DashboardState(
    DateTimeOffset At,
    long Generation,
    Guid Epoch,
    int FiguresWindowSeconds,
    IReadOnlyList<SiloView> Silos,
    IReadOnlyList<GatewayView> Gateways,
    IReadOnlyList<ServiceView> Services,
    IReadOnlyList<RolloutView> Rollouts)
{
    /// <summary>Whether this page may act; set per request, not shared.</summary>
    public AccessView? Access { get; init; }
}
