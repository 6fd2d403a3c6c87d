using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>Istio's single-resource rules for a ServiceEntry and a WorkloadEntry.</summary>
internal static class ServiceEntryRules
{
    public static void Check(ValidationSink sink, ServiceEntrySpec spec)
    {
        if (spec.Hosts.IsDefaultOrEmpty)
        {
            sink.Error("spec.hosts", "at least one host is required");
        }

        for (var i = 0; i < spec.Hosts.Length; i++)
        {
            CommonRules.Host(sink, $"spec.hosts[{i}]", spec.Hosts[i], wildcard: true);
        }

        var numbers = new HashSet<uint>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Ports.Length; i++)
        {
            var port = spec.Ports[i];
            var path = $"spec.ports[{i}]";
            CommonRules.Port(sink, path + ".number", port.Number);
            if (port.Number != 0 && !numbers.Add(port.Number))
            {
                sink.Error(path + ".number", $"duplicate port number {port.Number}");
            }

            if (port.Name.Length == 0)
            {
                sink.Error(path + ".name", "port name is required");
            }
            else if (!names.Add(port.Name))
            {
                sink.Error(path + ".name", $"duplicate port name '{port.Name}'");
            }

            CommonRules.Protocol(sink, path + ".protocol", port.Protocol);
            CommonRules.Port(sink, path + ".targetPort", port.TargetPort);
        }

        if (!spec.Endpoints.IsDefaultOrEmpty && spec.WorkloadSelector is not null)
        {
            sink.Error("spec.workloadSelector", "endpoints and workloadSelector cannot both be set");
        }

        for (var i = 0; i < spec.Endpoints.Length; i++)
        {
            Workload(sink, $"spec.endpoints[{i}]", spec.Endpoints[i], names);
        }
    }

    /// <summary>An endpoint or WorkloadEntry spec; <paramref name="declared"/> are the ServiceEntry's port names, if any.</summary>
    public static void Workload(ValidationSink sink, string path, WorkloadEntrySpec workload, IReadOnlySet<string>? declared)
    {
        if (workload.Address.Length == 0)
        {
            sink.Error(path + ".address", "address is required");
        }

        foreach (var (name, number) in workload.Ports)
        {
            var portPath = FieldPath.Field(path + ".ports", name);
            if (declared is not null && !declared.Contains(name))
            {
                var names = declared.Count == 0 ? "none" : string.Join(", ", declared.Order(StringComparer.Ordinal));
                sink.Error(portPath, $"port '{name}' is not declared in spec.ports (declared: {names})");
            }

            CommonRules.Port(sink, portPath, number);
        }
    }
}
