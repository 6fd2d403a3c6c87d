using System.Diagnostics.Metrics;

namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>Reads one observable gauge of one in-process gateway (its own meter factory: other gateways' meters are ignored).</summary>
internal static class GaugeReader
{
    public static List<(double Value, Dictionary<string, object?> Tags)> Read(IServiceProvider services, string name)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(double, Dictionary<string, object?>)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measurements.Add((value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => measurements.Add((value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => measurements.Add((value, ToDictionary(tags))));
        listener.Start();
        listener.RecordObservableInstruments();
        return measurements;
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }
}
