namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>
/// A gateway subscribed to config, as <c>meshctl status</c> shows it, with the delay from this silo seeing its served
/// generation applied to the gateway acknowledging it (<see cref="PushMilliseconds"/>, when this silo saw the change live).
/// </summary>
internal sealed record GatewayView(string Id, long? Generation, string Sync, DateTimeOffset LastRenewed, DateTimeOffset? LastAcknowledged, double? PushMilliseconds)
{
    public const string Synced = "SYNCED";
    public const string Stale = "STALE";
    public const string Unknown = "UNKNOWN";
}
