using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using OrleansMesh.ControlPlane;
using OrleansMesh.GatewayApi;
using OrleansMesh.Grains.Routing;
using OrleansMesh.Grains.Storage;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Security;

namespace OrleansMesh.Grains.Config;

/// <summary>
/// The mesh's config store (one activation, key <see cref="IMeshConfigGrain.DefaultKey"/>).
/// A commit persists this grain's state first (the source of truth), then rewrites the route tables of
/// the hosts it touched, then pushes one <see cref="MeshUpdate"/>. Route tables are derived data: the state
/// records the hosts of the last commit (<see cref="MeshConfigState.PendingHosts"/>), and those tables are
/// rewritten again, idempotently, before the first operation after an activation or after a failed rewrite.
/// A commit whose state was stored succeeds even when a table write fails: those tables stay in doubt and a
/// timer rewrites them every <see cref="RepairInterval"/>, then pushes an update every gateway answers with a pull.
/// A gateway never hears of a generation before its tables are written, and one that missed a push sees
/// the gap in <see cref="MeshUpdate.BaseGeneration"/> and pulls a snapshot. The state's
/// <see cref="MeshConfigState.Epoch"/> tells a gateway that the store itself was lost and started again.
/// </summary>
internal sealed partial class MeshConfigGrain : Grain, IMeshConfigGrain
{
    /// <summary>
    /// How long a subscription lives without renewal. Gateways renew about every 20 s, so a gateway
    /// is dropped after missing roughly three renewals.
    /// </summary>
    internal static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(1);

    private readonly IPersistentState<MeshConfigState> state;
    private readonly TimeProvider time;
    private readonly ILogger<MeshConfigGrain> logger;
    private readonly ObserverManager<IMeshObserver> observers;
    private readonly HashSet<string> tablesInDoubt = new(StringComparer.Ordinal);

    // Kept in memory like the subscriptions themselves: after a reactivation gateways reappear as they renew.
    private readonly Dictionary<GrainId, MeshSubscriber> subscribers = [];

    public MeshConfigGrain(
        [PersistentState("meshConfig", MeshStorage.Name)] IPersistentState<MeshConfigState> state,
        TimeProvider time,
        ILogger<MeshConfigGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.state = state;
        this.time = time;
        this.logger = logger;
        observers = new ObserverManager<IMeshObserver>(SubscriptionExpiry, logger)
        {
            GetDateTime = () => time.GetUtcNow().UtcDateTime,
        };
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A store never written has no config to protect; the epoch drawn here is persisted by the first commit.
        if (state.State.Epoch == Guid.Empty)
        {
            state.State.Epoch = Guid.NewGuid();
        }

        tablesInDoubt.UnionWith(state.State.PendingHosts);
        UpgradeTablesIfOld();
        ControlPlaneMetrics.Generation(state.State.Generation);
        return Task.CompletedTask;
    }

    public async Task<ConfigResult> ApplyAsync(ApplyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RepairTablesAsync();
        var current = state.State;
        var plan = ConfigPlanner.PlanApply(current.Resources, request.Resources, current.LastRevision, time.GetUtcNow());
        return await CompleteAsync(plan, request.DryRun);
    }

    public async Task<ConfigResult> DeleteAsync(DeleteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RepairTablesAsync();
        var current = state.State;
        var plan = ConfigPlanner.PlanDelete(current.Resources, request.Resources, current.LastRevision);
        return await CompleteAsync(plan, request.DryRun);
    }

    public Task<ImmutableArray<MeshResource>> ListAsync(ResourceKind? kind = null, string? @namespace = null, string? name = null)
    {
        var resources = state.State.Resources.Values
            .Select(r => r.Resource)
            .Where(r => (kind is null || r.Kind == kind)
                && (@namespace is null || r.Metadata.Namespace == @namespace)
                && (name is null || r.Metadata.Name == name))
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Metadata.Name, StringComparer.Ordinal)
            .ToImmutableArray();
        return Task.FromResult(resources);
    }

    public async Task<MeshSnapshot> GetSnapshotAsync()
    {
        await RepairTablesAsync();
        var current = state.State;
        var tables = await Task.WhenAll(current.Hosts.Select(h => Table(h).GetAsync()));

        // A table that reads empty for a host this state says is in use was lost (e.g. storage reset): rebuild it.
        var lost = tables.Where(t => t.IsEmpty).Select(t => t.Host).ToList();
        if (lost.Count > 0)
        {
            var rebuilt = await ReplaceTablesAsync(RouteTableBuilder.Build(lost, current.Resources.Values).Values);
            tables = [.. tables.Where(t => !t.IsEmpty), .. rebuilt];
        }

        return new MeshSnapshot
        {
            Epoch = current.Epoch,
            Generation = current.Generation,
            Tables = [.. tables.Where(t => !t.IsEmpty).OrderBy(t => t.Host, StringComparer.Ordinal)],
            Gateways = Gateways(current.Resources.Values),
            RequestAuthentications = MeshWide<RequestAuthentication>(current.Resources.Values),
            AuthorizationPolicies = MeshWide<AuthorizationPolicy>(current.Resources.Values),
            PeerAuthentications = MeshWide<PeerAuthentication>(current.Resources.Values),
            LiveWeights = LiveWeightsOf(current),
        };
    }

    public Task<MeshVersion> SubscribeAsync(IMeshObserver observer) => Subscribe(observer, null);

    public Task<MeshVersion> SubscribeAsync(IMeshObserver observer, MeshVersion served) => Subscribe(observer, served);

    public Task AcknowledgeAsync(IMeshObserver observer, MeshVersion served)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var id = observer.GetGrainId();

        // An acknowledgement overtaken by a renewal may carry an older generation: the newer word stands.
        if (subscribers.TryGetValue(id, out var subscriber) && !IsOlder(served, subscriber.Served))
        {
            subscribers[id] = subscriber with { Served = served, LastAcknowledged = time.GetUtcNow() };
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<MeshSubscriber>> ListSubscribersAsync()
    {
        var since = time.GetUtcNow() - SubscriptionExpiry;
        foreach (var gone in subscribers.Where(s => s.Value.LastRenewed < since).Select(s => s.Key).ToArray())
        {
            subscribers.Remove(gone);
        }

        ControlPlaneMetrics.Gateways(subscribers.Count);

        return Task.FromResult<ImmutableArray<MeshSubscriber>>([.. subscribers.Values.OrderBy(s => s.Id, StringComparer.Ordinal)]);
    }

    public Task UnsubscribeAsync(IMeshObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observers.Unsubscribe(observer);
        subscribers.Remove(observer.GetGrainId());
        ControlPlaneMetrics.Gateways(subscribers.Count);
        return Task.CompletedTask;
    }

    private static bool IsOlder(MeshVersion version, MeshVersion? than) =>
        than is { } known && version.Epoch == known.Epoch && version.Generation < known.Generation;

    private Task<MeshVersion> Subscribe(IMeshObserver observer, MeshVersion? served)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observers.Subscribe(observer, observer);
        var id = observer.GetGrainId();
        subscribers[id] = new MeshSubscriber
        {
            Id = id.ToString(),
            LastRenewed = time.GetUtcNow(),
            Served = served,
            LastAcknowledged = subscribers.TryGetValue(id, out var known) ? known.LastAcknowledged : null,
        };
        ControlPlaneMetrics.Gateways(subscribers.Count);
        return Task.FromResult(new MeshVersion(state.State.Epoch, state.State.Generation));
    }

    private async Task<ConfigResult> CompleteAsync(ConfigPlan plan, bool dryRun)
    {
        var generation = state.State.Generation;
        if (plan.HasErrors)
        {
            LogRefused(logger, plan.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), generation);
            return new ConfigResult { Succeeded = false, Generation = generation, Diagnostics = plan.Diagnostics };
        }

        var diagnostics = plan.Diagnostics.AddRange(LiveWeightLedger.DeletionWarnings(state.State.LiveWeights, plan));
        var weights = LiveWeightLedger.After(state.State.LiveWeights, plan);
        if (!dryRun && (plan.HasChanges || !ReferenceEquals(weights, state.State.LiveWeights)))
        {
            (generation, var warning) = await CommitAsync(plan, weights);
            NotifyRollouts(plan);
            LogCommitted(logger, plan.Changes.Count(c => c.Action != ChangeAction.Unchanged), generation);
            diagnostics = warning is null ? diagnostics : diagnostics.Add(warning);
        }

        return new ConfigResult { Succeeded = true, Generation = generation, Changes = plan.Changes, Diagnostics = diagnostics };
    }

    // Returns the new generation, and a warning when some route tables could not be written.
    private async Task<(long Generation, ConfigDiagnostic? Warning)> CommitAsync(ConfigPlan plan, IReadOnlyDictionary<ResourceId, LiveWeight> weights)
    {
        var previous = state.State;
        var affected = RouteTableBuilder.AffectedHosts(previous.Resources.Values, [.. plan.Next.Values]);
        var tables = RouteTableBuilder.Build(affected, [.. plan.Next.Values]);
        var hosts = new HashSet<string>(previous.Hosts, StringComparer.Ordinal);
        hosts.ExceptWith(tables.Values.Where(t => t.IsEmpty).Select(t => t.Host));
        hosts.UnionWith(tables.Values.Where(t => !t.IsEmpty).Select(t => t.Host));
        var next = new MeshConfigState
        {
            Resources = new Dictionary<ResourceId, StoredResource>(plan.Next),
            Generation = previous.Generation + 1,
            Hosts = hosts,
            LastRevision = plan.LastRevision,
            PendingHosts = [.. affected],
            Epoch = previous.Epoch,

            // Every operation first finishes a pending table upgrade, so what a commit writes is the current format.
            TableFormat = CurrentTableFormat,
            LiveWeights = new Dictionary<ResourceId, LiveWeight>(weights),
        };

        await WriteStateAsync(next);
        var committedAt = time.GetUtcNow();
        ControlPlaneMetrics.Generation(next.Generation);

        // From here the change is stored: a failed table write is repaired later, never reported as a failure.
        var writes = await TableWrites.RunAsync(GrainFactory, tables.Values);
        if (!writes.Failures.IsEmpty)
        {
            return (next.Generation, Defer(writes, next.Generation, committedAt));
        }

        var written = writes.Written;
        var update = new MeshUpdate
        {
            Epoch = next.Epoch,
            Generation = next.Generation,
            BaseGeneration = previous.Generation,
            Changed = [.. written.Where(t => !t.IsEmpty).OrderBy(t => t.Host, StringComparer.Ordinal)],
            Removed = [.. written.Where(t => t.IsEmpty && previous.Hosts.Contains(t.Host)).Select(t => t.Host).Order(StringComparer.Ordinal)],
            Gateways = Gateways(next.Resources.Values),
            RequestAuthentications = MeshWide<RequestAuthentication>(next.Resources.Values),
            AuthorizationPolicies = MeshWide<AuthorizationPolicy>(next.Resources.Values),
            PeerAuthentications = MeshWide<PeerAuthentication>(next.Resources.Values),
            LiveWeights = LiveWeightsOf(next),
            CommittedAt = committedAt,
        };
        await observers.Notify(o => o.OnMeshUpdatedAsync(update));
        return (next.Generation, null);
    }

    private async Task WriteStateAsync(MeshConfigState next)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Whether the write landed is unknown; reload from storage on the next call rather than guess.
            state.State = previous;
            DeactivateOnIdle();
            throw;
        }
    }

    private Task<RouteTable[]> ReplaceTablesAsync(IEnumerable<RouteTable> tables) =>
        Task.WhenAll(tables.Select(t => Table(t.Host).ReplaceAsync(t)));

    private IRouteTableGrain Table(string host) => GrainFactory.GetGrain<IRouteTableGrain>(host);

    // A Gateway API Gateway goes to the gateways as the Istio Gateways its listeners translate into.
    private static ImmutableArray<Gateway> Gateways(IEnumerable<StoredResource> resources) =>
        [.. GatewayApiTranslator.Expand(CreationOrder.Sort(resources)).OfType<Gateway>()
            .OrderBy(g => g.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(g => g.Metadata.Name, StringComparer.Ordinal)];

    // Resources that are in no host's route table: few and small, so every push carries them whole.
    private static ImmutableArray<T> MeshWide<T>(IEnumerable<StoredResource> resources)
        where T : MeshResource =>
        [.. resources.Select(r => r.Resource).OfType<T>()
            .OrderBy(g => g.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(g => g.Metadata.Name, StringComparer.Ordinal)];
}
