using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;
using OrleansMesh.Rollouts;
using OrleansMesh.Security.Identity;
using OrleansMesh.Silo.Dashboard.Views;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Silo.Dashboard.Reading;

/// <summary>
/// Reads what the dashboard shows from the grains. Called through <see cref="CachedAnswer{T}"/> only, so the number of
/// grain calls per second is bounded by the config's size, not by the number of open pages; nothing here touches a
/// gateway's request path.
/// </summary>
internal sealed class DashboardReader(IGrainFactory grains, ConfigHistory history, TimeProvider time)
{
    private IMeshConfigGrain Config => grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);

    public async Task<DashboardState> ReadStateAsync()
    {
        var config = Config;
        var snapshotTask = config.GetSnapshotAsync();
        var subscribersTask = config.ListSubscribersAsync();
        var silosTask = grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var rolloutsTask = ReadRolloutsAsync(config);
        var snapshot = await snapshotTask;
        if (!history.IsCurrent(snapshot.Version))
        {
            history.Record(snapshot.Version, await config.ListAsync(), snapshot.LiveWeights);
        }

        var window = DashboardDefaults.FiguresWindow;
        var services = await Task.WhenAll(snapshot.Tables.Where(ServiceViewBuilder.IsService).OrderBy(t => t.Host, StringComparer.Ordinal).Select(async table =>
        {
            var telemetry = grains.GetGrain<ITelemetryGrain>(table.Host).QueryAsync(window);
            var keys = ServiceViewBuilder.Subsets(table).Select(s => DestinationKey.Of(table.Host, s.Name)).Prepend(table.Host).ToList();
            var health = await Task.WhenAll(keys.Select(k => grains.GetGrain<IDestinationHealthGrain>(k).GetAsync()));
            return ServiceViewBuilder.Build(table, await telemetry, keys.Zip(health).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal), snapshot.LiveWeights, window);
        }));

        var silos = await silosTask;
        var subscribers = await subscribersTask;
        return new DashboardState(
            time.GetUtcNow(),
            snapshot.Generation,
            snapshot.Epoch,
            (int)window.TotalSeconds,
            [.. silos.OrderBy(h => h.SiloAddress.ToParsableString(), StringComparer.Ordinal)
                .Select(h => new SiloView(h.SiloAddress.ToParsableString(), h.SiloName, h.Status.ToString(), new DateTimeOffset(h.StartTime, TimeSpan.Zero)))],
            [.. subscribers.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => Gateway(s, snapshot.Version))],
            services,
            await rolloutsTask);
    }

    public async Task<ConfigView> ReadConfigAsync()
    {
        var snapshot = await Config.GetSnapshotAsync();
        if (!history.IsCurrent(snapshot.Version))
        {
            history.Record(snapshot.Version, await Config.ListAsync(), snapshot.LiveWeights);
        }

        return history.View();
    }

    public async Task<SeriesView> ReadSeriesAsync()
    {
        var snapshot = await Config.GetSnapshotAsync();
        var hosts = snapshot.Tables.Where(ServiceViewBuilder.IsService).Select(t => t.Host).Order(StringComparer.Ordinal).ToList();
        var series = await Task.WhenAll(hosts.Select(h => grains.GetGrain<ITelemetryGrain>(h).QuerySeriesAsync(DashboardDefaults.SeriesWindow, DashboardDefaults.SeriesStep)));
        var until = series.FirstOrDefault(s => !s.IsEmpty) is { } first ? first.Select(p => p.Until).ToList() : [];
        return new SeriesView((int)DashboardDefaults.SeriesStep.TotalSeconds, until, [.. hosts.Zip(series).Select(p => Host(p.First, p.Second))]);
    }

    public async Task<IReadOnlyList<CertificateView>> ReadCertificatesAsync()
    {
        var issued = await grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey).ListIssuedAsync();
        return [.. issued.OrderBy(c => c.NotAfter).Select(c => new CertificateView(c.SerialNumber, c.SpiffeId, c.NotAfter, c.RevokedAt is not null))];
    }

    /// <summary>Acts on a Rollout as asked (the silo's own call: the page's right to act is checked before).</summary>
    public Task<RolloutStatus> ActAsync(string @namespace, string name, string action)
    {
        var rollout = grains.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf(@namespace, name));
        return action switch
        {
            "promote" => rollout.PromoteAsync(),
            "abort" => rollout.AbortAsync(),
            "pause" => rollout.PauseAsync(),
            "resume" => rollout.ResumeAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "promote, abort, pause or resume"),
        };
    }

    private async Task<RolloutView[]> ReadRolloutsAsync(IMeshConfigGrain config)
    {
        var rollouts = (await config.ListAsync(ResourceKind.Rollout)).OfType<Rollout>()
            .OrderBy(r => r.Metadata.Namespace, StringComparer.Ordinal).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal);
        return await Task.WhenAll(rollouts.Select(async r =>
            await grains.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf(r.Metadata.Namespace, r.Metadata.Name)).GetStatusAsync() is { } status
                ? RolloutView.Of(r, status)
                : RolloutView.Pending(r)));
    }

    /// <summary>Holds <paramref name="key"/>'s breaker as asked (the silo's own call: the page's right to act is checked before).</summary>
    public Task<DestinationHealth> OverrideAsync(string key, BreakerOverride hold) => grains.GetGrain<IDestinationHealthGrain>(key).OverrideAsync(hold);

    private GatewayView Gateway(MeshSubscriber subscriber, MeshVersion current)
    {
        var sync = subscriber.Served is not { } served ? GatewayView.Unknown : served == current ? GatewayView.Synced : GatewayView.Stale;
        double? push = subscriber.Served is { } version && subscriber.LastAcknowledged is { } acked && history.SeenLive(version.Generation) is { } seen
            ? Math.Max(0, (acked - seen).TotalMilliseconds)
            : null;
        return new GatewayView(subscriber.Id, subscriber.Served?.Generation, sync, subscriber.LastRenewed, subscriber.LastAcknowledged, push);
    }

    private static HostSeries Host(string host, ImmutableArray<ServiceTelemetry> points)
    {
        var subsets = points.SelectMany(p => p.Subsets).Select(s => s.Subset).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new HostSeries(host, [.. subsets.Select(name =>
        {
            var figures = points.Select(p => TelemetryFigures.Of(p.Subset(name), p.Window)).ToList();
            return new SubsetSeries(name is "" ? "-" : name,
                [.. figures.Select(f => f.RequestsPerSecond)],
                [.. figures.Select(f => f.SuccessRate)],
                [.. figures.Select(f => f.LatencyP99)],
                [.. figures.Select(f => f.TimeToFirstTokenP99)],
                [.. figures.Select(f => f.OutputTokensPerSecond)]);
        })]);
    }
}
