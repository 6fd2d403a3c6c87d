using OrleansMesh.Inference;

namespace OrleansMesh.Configuration;

/// <summary>What GIE's CRD schemas and the mesh require of an InferencePool and an InferenceObjective.</summary>
internal static class InferenceRules
{
    public const string PoolGroup = "inference.networking.k8s.io";

    public static void Check(ValidationSink sink, InferencePoolSpec spec)
    {
        if (spec.Selector.MatchLabels.IsEmpty)
        {
            sink.Error("spec.selector.matchLabels", "a pool needs at least one label to select its model servers (an empty selector would take every endpoint of the namespace)");
        }

        if (spec.TargetPorts.Length != 1)
        {
            sink.Error("spec.targetPorts", $"exactly one target port is required (GIE allows one), got {spec.TargetPorts.Length}");
        }

        for (var i = 0; i < spec.TargetPorts.Length; i++)
        {
            if (spec.TargetPorts[i].Number is < 1 or > 65535)
            {
                sink.Error($"spec.targetPorts[{i}].number", $"port must be between 1 and 65535, got {spec.TargetPorts[i].Number}");
            }
        }

        var picker = spec.EndpointPickerRef;
        if (string.IsNullOrEmpty(picker.Name))
        {
            sink.Error("spec.endpointPickerRef.name", "endpointPickerRef.name is required (GIE's schema); the mesh's own picker serves the pool whatever it names");
        }

        if (picker.Kind is { Length: > 0 } kind && kind != "Service")
        {
            sink.Error("spec.endpointPickerRef.kind", $"kind must be Service (GIE's default), got '{kind}'");
        }

        if (picker.PortNumber is 0 or > 65535)
        {
            sink.Error("spec.endpointPickerRef.port.number", $"port must be between 1 and 65535, got {picker.PortNumber}");
        }
    }

    /// <summary>OrleansMesh's metric-name annotations (<see cref="PoolMetricNames"/>): each a metric name with optional label matchers.</summary>
    public static void MetricAnnotations(ValidationSink sink, IReadOnlyDictionary<string, string> annotations)
    {
        foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var path = FieldPath.Field("metadata.annotations", key);
            if (PoolMetricNames.Annotations.Contains(key))
            {
                if (!MetricSelector.TryParse(value, out _, out var error))
                {
                    sink.Error(path, error!);
                }
            }
            else if (key.StartsWith(PoolMetricNames.Prefix, StringComparison.Ordinal) && key.EndsWith("metric", StringComparison.Ordinal))
            {
                var close = Suggestions.Closest(key, PoolMetricNames.Annotations);
                sink.Warning(path, $"annotation '{key}' is not one OrleansMesh reads{(close is null ? "" : $"; did you mean '{close}'?")} (metric annotations: {string.Join(", ", PoolMetricNames.Annotations)})");
            }
        }
    }

    public static void Check(ValidationSink sink, InferenceObjectiveSpec spec)
    {
        if (string.IsNullOrEmpty(spec.PoolRef.Name))
        {
            sink.Error("spec.poolRef.name", "poolRef.name is required: the InferencePool, in this namespace, the objective applies to");
        }

        if (spec.PoolRef.Group is { Length: > 0 } group && group != PoolGroup)
        {
            sink.Error("spec.poolRef.group", $"group must be {PoolGroup}, got '{group}'");
        }

        if (spec.PoolRef.Kind is { Length: > 0 } kind && kind != "InferencePool")
        {
            sink.Error("spec.poolRef.kind", $"kind must be InferencePool, got '{kind}'");
        }
    }
}
