using System.Collections.Immutable;
using OrleansMesh.Networking;

namespace OrleansMesh.Resilience;

/// <summary>
/// Istio's outlier detection (Envoy's consecutive-5xx and consecutive-gateway-failure detectors) over the endpoint
/// outcomes of many gateways, so an endpoint ejected here is ejected on every gateway. Follows Envoy's
/// <c>DetectorImpl</c> (source/common/upstream/outlier_detection_impl.cc) with one simplification: an ejected endpoint
/// returns as soon as its ejection time is over, not at the next interval sweep after that.
/// <list type="bullet">
/// <item>Runs of errors are summed over batches: a batch with any request that was not an error restarts the run at the
/// batch's trailing errors, a batch of errors only extends it. Envoy resets the gateway-error run on any other outcome,
/// a 500 included; <see cref="EndpointOutcomes.TrailingGatewayErrors"/> carries exactly that.</item>
/// <item>A run reaching its threshold ejects the endpoint unless the endpoints already ejected make up
/// <c>maxEjectionPercent</c> or more of all (Envoy: <c>ejected_percent &lt; max_ejection_percent</c>, so the first
/// endpoint is always ejectable: "will eject at least one host regardless of the value"). The run restarts either way.</item>
/// <item>The ejection lasts <c>baseEjectionTime</c> × the endpoint's multiplier, at most Envoy's <c>max_ejection_time</c>
/// (300 s). The multiplier goes up by one per ejection and, per the Envoy docs, "if the host is healthy during that check,
/// the ejection time multiplier is decremented": down by one for every <c>interval</c> the endpoint spends in service.</item>
/// <item>Outcomes of an ejected endpoint are ignored (stale batches), and its runs restart when it returns, as Envoy's
/// <c>checkHostForUneject</c> resets the counters "to avoid re-ejection on very few new errors".</item>
/// <item>Istio's <c>minHealthPercent</c> is Envoy's panic threshold: while endpoints in service are below that share,
/// "outlier detection will be disabled and the proxy will load balance across all hosts", so no endpoint is reported ejected.</item>
/// </list>
/// Not thread-safe; callers pass the time in.
/// </summary>
public sealed class OutlierEjector
{
    private readonly Dictionary<string, EndpointOutlierState> endpoints = new(StringComparer.Ordinal);
    private OutlierParameters parameters;
    private int endpointCount;
    private (string Address, int Ejections)[] published = [];

    /// <summary>Outlier detection with <paramref name="settings"/> (unset fields take <see cref="OutlierDetectionDefaults"/>).</summary>
    public OutlierEjector(OutlierDetection settings)
    {
        parameters = OutlierParameters.From(settings);
        Settings = settings;
    }

    /// <summary>The parameters in effect, as configured.</summary>
    public OutlierDetection Settings { get; private set; }

    /// <summary>Counts every change of the ejected endpoints (or of their multipliers) as <see cref="GetEjected"/> reports them.</summary>
    public long Revision { get; private set; }

    /// <summary>
    /// Adds a batch of endpoint outcomes from one gateway. <paramref name="endpointCount"/> is the number of endpoints
    /// the destination has (the base of the ejection and health percentages); 0 keeps the last known count.
    /// </summary>
    public void Record(DateTimeOffset now, IEnumerable<EndpointOutcomes> outcomes, int endpointCount)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        Advance(now);
        if (endpointCount > 0)
        {
            this.endpointCount = endpointCount;
        }

        foreach (var outcome in outcomes)
        {
            if (string.IsNullOrEmpty(outcome.Address) || outcome.Requests <= 0)
            {
                continue;
            }

            if (!endpoints.TryGetValue(outcome.Address, out var endpoint))
            {
                endpoint = new EndpointOutlierState { HealthySince = now };
                endpoints.Add(outcome.Address, endpoint);
            }

            if (!endpoint.IsEjected)
            {
                Count(now, endpoint, outcome);
            }
        }

        Prune();
        Publish();
    }

    /// <summary>Adopts new parameters; current ejections keep their end time, the new ones apply from the next event.</summary>
    public void Reconfigure(DateTimeOffset now, OutlierDetection settings)
    {
        var next = OutlierParameters.From(settings);
        Advance(now);
        parameters = next;
        Settings = settings;
        Publish();
    }

    /// <summary>Whether too few endpoints are in service for ejections to apply (Istio's <c>minHealthPercent</c>).</summary>
    public bool IsPanicking(DateTimeOffset now)
    {
        Advance(now);
        return Panicking();
    }

    /// <summary>The endpoints out of load balancing at <paramref name="now"/>, by address; none while panicking.</summary>
    public ImmutableArray<EjectedEndpoint> GetEjected(DateTimeOffset now)
    {
        Advance(now);
        Publish();
        if (Panicking())
        {
            return [];
        }

        return [.. endpoints
            .Where(e => e.Value.IsEjected)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new EjectedEndpoint { Address = e.Key, Remaining = e.Value.EjectedUntil!.Value - now, Ejections = e.Value.Multiplier })];
    }

    private void Count(DateTimeOffset now, EndpointOutlierState endpoint, EndpointOutcomes outcome)
    {
        endpoint.Consecutive5xx = Run(endpoint.Consecutive5xx, outcome.Requests, outcome.ServerErrors, outcome.TrailingServerErrors);
        endpoint.ConsecutiveGateway = Run(endpoint.ConsecutiveGateway, outcome.Requests, outcome.GatewayErrors, outcome.TrailingGatewayErrors);
        var by5xx = parameters.Consecutive5xxErrors > 0 && endpoint.Consecutive5xx >= parameters.Consecutive5xxErrors;
        var byGateway = parameters.ConsecutiveGatewayErrors > 0 && endpoint.ConsecutiveGateway >= parameters.ConsecutiveGatewayErrors;
        if (!by5xx && !byGateway)
        {
            return;
        }

        // Envoy restarts the run that fired whether or not the ejection was allowed.
        endpoint.Consecutive5xx = by5xx ? 0 : endpoint.Consecutive5xx;
        endpoint.ConsecutiveGateway = byGateway ? 0 : endpoint.ConsecutiveGateway;
        TryEject(now, endpoint);
    }

    private static int Run(int run, int requests, int errors, int trailing) =>
        requests > errors ? Math.Max(trailing, 0) : run + Math.Max(errors, 0);

    private void TryEject(DateTimeOffset now, EndpointOutlierState endpoint)
    {
        var ejected = endpoints.Values.Count(e => e.IsEjected);
        if (ejected * 100.0 / Hosts(ejected) >= parameters.MaxEjectionPercent)
        {
            return;
        }

        // Envoy's ejectHost: the multiplier stops growing once base × multiplier passes the maximum ejection time.
        if ((double)parameters.BaseEjectionTime.Ticks * endpoint.Multiplier < parameters.MaxEjectionTime.Ticks + parameters.BaseEjectionTime.Ticks)
        {
            endpoint.Multiplier++;
        }

        endpoint.EjectedUntil = now + parameters.EjectionTime(endpoint.Multiplier);
        endpoint.Consecutive5xx = 0;
        endpoint.ConsecutiveGateway = 0;
    }

    private void Advance(DateTimeOffset now)
    {
        foreach (var endpoint in endpoints.Values)
        {
            if (endpoint.EjectedUntil is { } until && now >= until)
            {
                endpoint.EjectedUntil = null;
                endpoint.HealthySince = until;
                endpoint.Consecutive5xx = 0;
                endpoint.ConsecutiveGateway = 0;
            }

            if (!endpoint.IsEjected && endpoint.Multiplier > 0 && now > endpoint.HealthySince)
            {
                var intervals = (now - endpoint.HealthySince).Ticks / parameters.Interval.Ticks;
                endpoint.Multiplier = (int)Math.Max(0, endpoint.Multiplier - intervals);
                endpoint.HealthySince += parameters.Interval * intervals;
            }
        }

        Prune();
    }

    private void Prune()
    {
        foreach (var blank in endpoints.Where(e => e.Value.IsBlank).Select(e => e.Key).ToList())
        {
            endpoints.Remove(blank);
        }
    }

    private int Hosts(int ejected) => endpointCount > 0 ? Math.Max(endpointCount, ejected) : Math.Max(endpoints.Count, 1);

    private bool Panicking()
    {
        var ejected = endpoints.Values.Count(e => e.IsEjected);
        var hosts = Hosts(ejected);
        return (hosts - ejected) * 100.0 / hosts < parameters.MinHealthPercent;
    }

    private void Publish()
    {
        (string, int)[] visible = Panicking()
            ? []
            : [.. endpoints.Where(e => e.Value.IsEjected).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value.Multiplier))];
        if (!visible.AsSpan().SequenceEqual(published))
        {
            published = visible;
            Revision++;
        }
    }
}
