using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Keeps a gateway's metrics its own when several gateways share a process (an embedding host, or tests). OpenTelemetry
/// picks instruments by meter name, so every gateway's MeterProvider would also take the other gateways' instruments
/// of the same names; it keeps the first instrument of a name and drops the measurements of the others, so a gateway
/// could report another's requests and lose its own. Instruments of meters made by another host's
/// <see cref="IMeterFactory"/> are dropped; meters made without a factory (process-wide ones) are kept.
/// </summary>
internal static class OwnMeters
{
    public static MeterProviderBuilder KeepOwnMeters(this MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics is IDeferredMeterProviderBuilder deferred)
        {
            deferred.Configure(static (services, builder) =>
            {
                var own = services.GetRequiredService<IMeterFactory>();
                builder.AddView(instrument => instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, own) ? MetricStreamConfiguration.Drop : null);
            });
        }

        return metrics;
    }
}
