using System.Collections.Immutable;
using Orleans.Concurrency;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.ControlPlane;

/// <summary>
/// The mesh's config store and admin API: validates and applies resources all or nothing,
/// updates the route-table grains of the hosts concerned and pushes changes to subscribed gateways.
/// One activation, key <see cref="DefaultKey"/>.
/// </summary>
[Alias("om.IMeshConfigGrain")]
public interface IMeshConfigGrain : IGrainWithStringKey
{
    /// <summary>The key of the mesh's single config grain.</summary>
    public const string DefaultKey = "default";

    /// <summary>Validates and stores the resources, all or nothing.</summary>
    [Alias("Apply")]
    Task<ConfigResult> ApplyAsync(ApplyRequest request);

    /// <summary>Deletes the resources, all or nothing; a missing resource is an error.</summary>
    [Alias("Delete")]
    Task<ConfigResult> DeleteAsync(DeleteRequest request);

    /// <summary>Lists stored resources, optionally of one kind, namespace and name.</summary>
    [Alias("List")]
    Task<ImmutableArray<MeshResource>> ListAsync(ResourceKind? kind = null, string? @namespace = null, string? name = null);

    /// <summary>
    /// Sets the split a Rollout drives on its host's routes (a new generation pushed to every gateway; the VirtualServices
    /// stay as written). Idempotent. False when the Rollout is not stored (deleted): nothing changes. Called by the
    /// Rollout's driver; needs the admin token.
    /// </summary>
    [Alias("SetLiveWeight")]
    Task<bool> SetLiveWeightAsync(LiveWeight weight);

    /// <summary>The live weights Rollouts have set, by Rollout.</summary>
    [Alias("ListLiveWeights")]
    Task<ImmutableArray<LiveWeight>> ListLiveWeightsAsync();

    /// <summary>Returns the whole routing config at the current generation.</summary>
    [Alias("GetSnapshot")]
    Task<MeshSnapshot> GetSnapshotAsync();

    /// <summary>Subscribes (or renews) a gateway; returns the current epoch and generation. Subscriptions expire unless renewed.</summary>
    [Alias("Subscribe")]
    Task<MeshVersion> SubscribeAsync(IMeshObserver observer);

    /// <summary>
    /// Subscribes or renews as <see cref="SubscribeAsync(IMeshObserver)"/>, and tells which config version the gateway
    /// serves, which <see cref="ListSubscribersAsync"/> reports (<c>meshctl status</c>).
    /// </summary>
    [Alias("SubscribeServing")]
    Task<MeshVersion> SubscribeAsync(IMeshObserver observer, MeshVersion served);

    /// <summary>
    /// A gateway's acknowledgement that it now serves <paramref name="served"/>, sent one-way after each snapshot swap
    /// so <c>meshctl status</c> sees a push land without waiting for the next renewal. Ignored for a gateway that is not
    /// subscribed (its renewal subscribes it).
    /// </summary>
    [OneWay, Alias("Acknowledge")]
    Task AcknowledgeAsync(IMeshObserver observer, MeshVersion served);

    /// <summary>The gateways subscribed now (renewed within the subscription expiry), with the version each last said it served.</summary>
    [Alias("ListSubscribers")]
    Task<ImmutableArray<MeshSubscriber>> ListSubscribersAsync();

    /// <summary>Ends a subscription.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IMeshObserver observer);
}
