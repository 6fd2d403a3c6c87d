namespace OrleansMesh.Cli.Output;

/// <summary>What <c>meshctl status</c> shows (its <c>-o json</c> shape).</summary>
/// <param name="Generation">The control plane's config generation.</param>
/// <param name="Epoch">The config store's epoch.</param>
/// <param name="Silos">The cluster's silos, dead ones included while membership remembers them.</param>
/// <param name="Gateways">The gateways subscribed to config pushes.</param>
internal sealed record MeshStatus(long Generation, Guid Epoch, IReadOnlyList<SiloStatusView> Silos, IReadOnlyList<GatewayStatusView> Gateways);
