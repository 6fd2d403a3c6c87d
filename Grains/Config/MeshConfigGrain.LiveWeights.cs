using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Security;

namespace OrleansMesh.Grains.Config;

// The splits Rollouts drive: a generation of their own (no table changes), pushed like any other.
internal sealed partial class MeshConfigGrain
{
    public async Task<bool> SetLiveWeightAsync(LiveWeight weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        await RepairTablesAsync();
        var previous = state.State;
        if (!previous.Resources.ContainsKey(weight.Rollout))
        {
            return false;
        }

        var stored = weight with { Orphaned = false };
        if (previous.LiveWeights.TryGetValue(weight.Rollout, out var known) && known == stored)
        {
            return true;
        }

        var next = new MeshConfigState
        {
            Resources = previous.Resources,
            Generation = previous.Generation + 1,
            Hosts = previous.Hosts,
            LastRevision = previous.LastRevision,
            PendingHosts = [],
            Epoch = previous.Epoch,
            TableFormat = previous.TableFormat,
            LiveWeights = new Dictionary<ResourceId, LiveWeight>(previous.LiveWeights) { [weight.Rollout] = stored },
        };
        await WriteStateAsync(next);
        ControlPlaneMetrics.Generation(next.Generation);
        LogLiveWeight(logger, weight.Rollout.ToString(), weight.Host, weight.CanaryWeight, next.Generation);
        var update = new MeshUpdate
        {
            Epoch = next.Epoch,
            Generation = next.Generation,
            BaseGeneration = previous.Generation,
            Gateways = Gateways(next.Resources.Values),
            RequestAuthentications = MeshWide<RequestAuthentication>(next.Resources.Values),
            AuthorizationPolicies = MeshWide<AuthorizationPolicy>(next.Resources.Values),
            PeerAuthentications = MeshWide<PeerAuthentication>(next.Resources.Values),
            LiveWeights = LiveWeightsOf(next),
            CommittedAt = time.GetUtcNow(),
        };
        await observers.Notify(o => o.OnMeshUpdatedAsync(update));
        return true;
    }

    public Task<ImmutableArray<LiveWeight>> ListLiveWeightsAsync() => Task.FromResult(LiveWeightsOf(state.State));

    private static ImmutableArray<LiveWeight> LiveWeightsOf(MeshConfigState state) =>
        [.. state.LiveWeights.Values.OrderBy(w => w.Rollout.Namespace, StringComparer.Ordinal).ThenBy(w => w.Rollout.Name, StringComparer.Ordinal)];

    // One-way, so a driver that is itself waiting on this grain cannot deadlock it; the keepers repeat it anyway.
    private void NotifyRollouts(ConfigPlan plan)
    {
        foreach (var change in plan.Changes.Where(c => c.Resource.Kind == ResourceKind.Rollout))
        {
            var driver = GrainFactory.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf(change.Resource.Namespace, change.Resource.Name));
            if (change.Action == ChangeAction.Deleted)
            {
                driver.DeletedAsync().Ignore();
            }
            else if (change.Action != ChangeAction.Unchanged && plan.Next.TryGetValue(change.Resource, out var stored) && stored.Resource is Rollout rollout)
            {
                driver.RefreshAsync(rollout).Ignore();
            }
        }
    }
}
