namespace OrleansMesh.Cli.Output;

/// <summary>A gateway in <see cref="MeshStatus"/>.</summary>
/// <param name="Id">The gateway's subscription id.</param>
/// <param name="Generation">The generation it said it served at its last renewal or push acknowledgement, or null if it did not say.</param>
/// <param name="Sync"><c>SYNCED</c> (serves the current generation), <c>STALE</c> (an older one or another epoch's) or <c>UNKNOWN</c>.</param>
/// <param name="LastRenewed">When it last renewed its subscription.</param>
/// <param name="LastAcknowledged">When it last acknowledged a pushed snapshot, or null if it has not since it subscribed.</param>
internal sealed record GatewayStatusView(string Id, long? Generation, string Sync, DateTimeOffset LastRenewed, DateTimeOffset? LastAcknowledged)
{
    public const string Synced = "SYNCED";
    public const string Stale = "STALE";
    public const string Unknown = "UNKNOWN";
}
