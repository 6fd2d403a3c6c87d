using System.Collections.Immutable;
using System.Globalization;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;
using OrleansMesh.Rollouts;
using OrleansMesh.Silo.Dashboard.Views;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Silo.Dashboard.Reading;

/// <summary>
/// One service's view from what the grains hold: its route table, its live telemetry and its destinations' health.
/// Pure: no grain calls, so it is tested on its own.
/// </summary>
internal static class ServiceViewBuilder
{
    /// <summary>The hosts the dashboard shows as services: those with endpoints or a DestinationRule (not route-only hosts such as <c>*</c>).</summary>
    public static bool IsService(RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Service is not null || table.DestinationRule is not null;
    }

    /// <summary>The subsets of <paramref name="table"/>: the DestinationRule's, or none.</summary>
    public static ImmutableArray<Subset> Subsets(RouteTable table) => table.DestinationRule?.Spec.Subsets ?? [];

    /// <summary>
    /// The view of <paramref name="table"/>'s host, its routes' weights as the gateways apply them (a Rollout's
    /// <paramref name="liveWeights"/> over the VirtualService's), figures over <paramref name="window"/>.
    /// </summary>
    public static ServiceView Build(RouteTable table, ServiceTelemetry telemetry, IReadOnlyDictionary<string, DestinationHealth> health, ImmutableArray<LiveWeight> liveWeights, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(health);
        var routes = Routes(table, liveWeights);
        var split = routes.FirstOrDefault(r => r.Split);
        var subsets = Subsets(table);
        var weights = split?.Destinations.Where(d => d.Host == table.Host && d.Subset is not null).GroupBy(d => d.Subset!).ToDictionary(g => g.Key, g => g.Sum(d => d.Weight), StringComparer.Ordinal)
            ?? [];
        var splitRequests = weights.Keys.Sum(s => telemetry.Subset(s).Requests);
        var subsetViews = subsets.Select(s =>
        {
            var sample = telemetry.Subset(s.Name);
            int? weight = weights.TryGetValue(s.Name, out var w) ? w : null;
            double? share = weight is not null && splitRequests > 0 ? 100.0 * sample.Requests / splitRequests : null;
            return new SubsetView(s.Name, s.Labels, weight, share, FiguresView.Of(sample, window), Breaker(DestinationKey.Of(table.Host, s.Name), health));
        }).ToList();

        var hostBreaker = Breaker(table.Host, health);
        var ejected = health.Values.SelectMany(h => h.Ejected).GroupBy(e => e.Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var total = telemetry.Subsets.Aggregate(new DestinationSample { Host = table.Host }, (sum, s) => sum.Merge(s) with { Subset = "" });
        return new ServiceView(
            table.Host,
            table.Service?.Namespace ?? table.DestinationRule?.Metadata.Namespace ?? "default",
            FiguresView.Of(total, window),
            hostBreaker,
            routes,
            subsetViews,
            Endpoints(table, subsets, telemetry, ejected, window),
            RateLimits(table),
            table.DestinationRule is { } rule ? MeshConfigWriter.ToYaml([rule]) : null);
    }

    private static List<RouteView> Routes(RouteTable table, ImmutableArray<LiveWeight> liveWeights)
    {
        var routes = new List<RouteView>();
        foreach (var service in table.VirtualServices)
        {
            foreach (var (route, index) in service.Spec.Http.Select((r, i) => (r, i)))
            {
                var live = LiveWeightOverlay.Find(route, liveWeights);
                var applied = live is null ? route.Route : LiveWeightOverlay.Apply(route, live);
                var destinations = applied.Select(d => new RouteDestinationView(d.Destination.Host, d.Destination.Subset, d.Weight ?? (applied.Length == 1 ? 100 : 0))).ToList();
                var mirror = route.Mirror is { } m ? $"{m.Host}{(m.Subset is null ? "" : "/" + m.Subset)} {(route.MirrorPercentage?.Value ?? 100).ToString("0.##", CultureInfo.InvariantCulture)}%" : null;
                routes.Add(new RouteView(
                    $"{service.Metadata.Namespace}/{service.Metadata.Name}",
                    route.Name ?? $"#{index.ToString(CultureInfo.InvariantCulture)}",
                    [.. route.Match.Select(MatchText.Of)],
                    destinations,
                    mirror,
                    live is null ? Other(route) : string.Join(", ", new[] { $"weights set by rollout {live.Rollout.Namespace}/{live.Rollout.Name}", Other(route) }.OfType<string>()),
                    Split: false));
            }
        }

        // The weights users mean by "the split": the first catch-all route to this host, else the first route to it.
        var split = routes.FindIndex(r => r.Matches.Count == 0 && r.Destinations.Any(d => d.Host == table.Host));
        if (split < 0)
        {
            split = routes.FindIndex(r => r.Destinations.Any(d => d.Host == table.Host));
        }

        if (split >= 0)
        {
            routes[split] = routes[split] with { Split = true };
        }

        return routes;
    }

    private static string? Other(HttpRoute route)
    {
        var parts = new List<string>();
        if (route.Redirect is not null)
        {
            parts.Add("redirect");
        }

        if (route.DirectResponse is { } direct)
        {
            parts.Add($"direct response {direct.Status.ToString(CultureInfo.InvariantCulture)}");
        }

        if (route.Timeout is { } timeout)
        {
            parts.Add($"timeout {IstioDuration.Format(timeout)}");
        }

        if (route.Retries is { } retries)
        {
            parts.Add($"retries {retries.Attempts.ToString(CultureInfo.InvariantCulture)}");
        }

        if (route.Fault is not null)
        {
            parts.Add("fault injection");
        }

        if (route.Delegate is { } d)
        {
            parts.Add($"delegate {d.Namespace}/{d.Name}");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static List<EndpointView> Endpoints(RouteTable table, ImmutableArray<Subset> subsets, ServiceTelemetry telemetry, Dictionary<string, EjectedEndpoint> ejected, TimeSpan window)
    {
        var byAddress = telemetry.Endpoints.GroupBy(e => e.Endpoint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate((a, b) => a.Merge(b)), StringComparer.Ordinal);
        var port = table.Service?.Ports.FirstOrDefault();
        var views = new List<EndpointView>();
        foreach (var endpoint in table.Service?.Endpoints ?? [])
        {
            var number = port is null ? (uint?)null : endpoint.Ports.TryGetValue(port.Name, out var p) ? p : port.TargetPort ?? port.Number;
            var address = number is { } n ? $"{endpoint.Address}:{n.ToString(CultureInfo.InvariantCulture)}" : endpoint.Address;
            var sample = byAddress.Remove(address, out var s) ? s : new DestinationSample { Host = table.Host, Endpoint = address };
            var member = subsets.Where(sub => sub.Labels.All(l => endpoint.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Select(sub => sub.Name).ToList();
            views.Add(new EndpointView(address, member, endpoint.Labels, FiguresView.Of(sample, window), Ejected(ejected, address)));
        }

        // Endpoints the gateways reached that the registry does not list (DNS resolution, a registry change since).
        foreach (var (address, sample) in byAddress.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            views.Add(new EndpointView(address, sample.Subset is "" ? [] : [sample.Subset], ImmutableDictionary<string, string>.Empty, FiguresView.Of(sample, window), Ejected(ejected, address)));
        }

        return views;
    }

    private static EjectedView? Ejected(Dictionary<string, EjectedEndpoint> ejected, string address) =>
        ejected.TryGetValue(address, out var e) ? new EjectedView(e.Address, e.Remaining.TotalSeconds, e.Ejections) : null;

    private static BreakerView Breaker(string key, IReadOnlyDictionary<string, DestinationHealth> health) =>
        health.TryGetValue(key, out var h)
            ? new BreakerView(key, h.State.ToString(), h.Override.ToString(), h.Reason, h.State == BreakerState.Open ? h.OpenRemaining.TotalSeconds : 0,
                [.. h.Ejected.Select(e => new EjectedView(e.Address, e.Remaining.TotalSeconds, e.Ejections))])
            : new BreakerView(key, nameof(BreakerState.Closed), nameof(BreakerOverride.None), null, 0, []);

    private static List<RateLimitView> RateLimits(RouteTable table)
    {
        var views = new List<RateLimitView>();
        void Add(string scope, string kind, RateLimitSettings? settings)
        {
            if (settings is not null)
            {
                views.Add(new RateLimitView(scope, kind, Limit(settings.RequestsPerUnit, "requests", settings.Unit, settings.Burst, settings.Key)));
            }
        }

        if (table.DestinationRule is { } rule)
        {
            Add(table.Host, "cluster-wide", rule.Spec.TrafficPolicy?.Mesh?.RateLimit);
            Add(table.Host, "per gateway", rule.Spec.TrafficPolicy?.Mesh?.LocalRateLimit);
            foreach (var subset in rule.Spec.Subsets)
            {
                Add($"{table.Host}/{subset.Name}", "cluster-wide", subset.TrafficPolicy?.Mesh?.RateLimit);
                Add($"{table.Host}/{subset.Name}", "per gateway", subset.TrafficPolicy?.Mesh?.LocalRateLimit);
            }
        }

        foreach (var service in table.VirtualServices)
        {
            foreach (var route in service.Spec.Http)
            {
                var scope = $"route {service.Metadata.Name}/{route.Name ?? "-"}";
                Add(scope, "cluster-wide", route.Mesh?.RateLimit);
                Add(scope, "per gateway", route.Mesh?.LocalRateLimit);
                if (route.Mesh?.TokenRateLimit is { } tokens)
                {
                    views.Add(new RateLimitView(scope, "tokens", Limit(tokens.TokensPerUnit, "tokens", tokens.Unit, tokens.Burst, tokens.Key)));
                }
            }
        }

        return views;
    }

    private static string Limit(int amount, string what, RateLimitUnit unit, int? burst, RateLimitKey? key)
    {
        var text = $"{amount.ToString(CultureInfo.InvariantCulture)} {what}/{unit.ToString().ToLowerInvariant()}";
        if (burst is { } b)
        {
            text += $", burst {b.ToString(CultureInfo.InvariantCulture)}";
        }

        return key switch
        {
            { Header: { } header } => text + $", per header {header}",
            { Claim: { } claim } => text + $", per claim {claim}",
            _ => text,
        };
    }
}
