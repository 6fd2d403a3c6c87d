using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>
/// Istio's single-resource rules for a ServiceEntry and a WorkloadEntry (pkg/config/validation/validation.go
/// <c>ValidateServiceEntry</c>, <c>validateWorkloadEntry</c>), with Istio's messages where it has one.
/// </summary>
internal static class ServiceEntryRules
{
    private const string UnixPrefix = "unix://";

    public static void Check(ValidationSink sink, ServiceEntrySpec spec)
    {
        CommonRules.Selector(sink, "spec.workloadSelector.labels", spec.WorkloadSelector, "service entry: workload selector specified without labels, will be applied to all services in namespace");
        if (spec.Hosts.IsDefaultOrEmpty)
        {
            sink.Error("spec.hosts", "at least one host is required");
        }

        for (var i = 0; i < spec.Hosts.Length; i++)
        {
            Host(sink, $"spec.hosts[{i}]", spec.Hosts[i]);
        }

        if (spec.Addresses.Any(a => a.Contains('/', StringComparison.Ordinal)) && spec.Resolution is not ("NONE" or "STATIC"))
        {
            sink.Error("spec.addresses", "CIDR addresses are allowed only for NONE/STATIC resolution types");
        }

        var names = Ports(sink, spec);
        if (!spec.Endpoints.IsDefaultOrEmpty && spec.WorkloadSelector is not null)
        {
            sink.Error("spec.workloadSelector", "endpoints and workloadSelector cannot both be set");
        }

        Resolution(sink, spec);
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
            if (workload.Network is not { Length: > 0 } network)
            {
                sink.Error(path + ".address", "address is required");
            }
            else
            {
                // Istio reaches such an endpoint through its network's gateway; OrleansMesh has none to send it to.
                sink.Warning(path + ".address", $"address is unset with network \"{network}\": OrleansMesh sends this endpoint no traffic");
            }
        }
        else if (workload.Address.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            UnixAddress(sink, path, workload);
        }

        foreach (var (name, number) in workload.Ports)
        {
            var portPath = FieldPath.Field(path + ".ports", name);
            if (declared is not null && !declared.Contains(name))
            {
                var names = declared.Count == 0 ? "none" : string.Join(", ", declared.Order(StringComparer.Ordinal));
                sink.Error(portPath, $"port '{name}' is not declared in spec.ports (declared: {names})");
            }

            CommonRules.PortName(sink, portPath, name);
            CommonRules.Port(sink, portPath, number);
        }
    }

    // "*" would claim every host; a partial wildcard (*x.example.com) is accepted by Istio with a warning.
    private static void Host(ValidationSink sink, string path, string host)
    {
        if (host == "*")
        {
            sink.Error(path, "invalid host *");
            return;
        }

        CommonRules.Host(sink, path, host, wildcard: true);
        if (CommonRules.IsPartialWildcard(host) && CommonRules.IsHost(host, wildcard: true))
        {
            sink.Warning(path, $"partial wildcard \"{host}\" not allowed");
        }
    }

    private static HashSet<string> Ports(ValidationSink sink, ServiceEntrySpec spec)
    {
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
            else
            {
                CommonRules.PortName(sink, path + ".name", port.Name);
            }

            // An empty protocol is Istio's protocol sniffing (ValidateProtocol); OrleansMesh then speaks HTTP/1.1.
            if (port.Protocol.Length > 0)
            {
                CommonRules.Protocol(sink, path + ".protocol", port.Protocol);
            }

            CommonRules.Port(sink, path + ".targetPort", port.TargetPort);
        }

        return names;
    }

    private static void Resolution(ValidationSink sink, ServiceEntrySpec spec)
    {
        // Current Istio's dynamic forward proxy: the destination is whatever the request's host resolves to.
        if (spec.Resolution == "DYNAMIC_DNS")
        {
            sink.Error("spec.resolution", "resolution DYNAMIC_DNS is not supported by OrleansMesh: list the hosts with resolution DNS");
        }

        if (spec.Resolution == "NONE" && !spec.Endpoints.IsDefaultOrEmpty)
        {
            sink.Error("spec.endpoints", "no endpoints should be provided for resolution type none");
        }

        if (spec.Resolution == "DNS_ROUND_ROBIN" && spec.Endpoints.Length > 1)
        {
            sink.Error("spec.endpoints", "there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN");
        }
    }

    // Istio's ValidateUnixAddress: an absolute path to a file (or an abstract socket, '@name'), and no ports.
    private static void UnixAddress(ValidationSink sink, string path, WorkloadEntrySpec workload)
    {
        var socket = workload.Address[UnixPrefix.Length..];
        if (socket.Length == 0)
        {
            sink.Error(path + ".address", "unix address must not be empty");
        }
        else if (!socket.StartsWith('@') && (!socket.StartsWith('/') || socket.EndsWith('/')))
        {
            sink.Error(path + ".address", $"{socket} is not an absolute path to a file");
        }

        if (!workload.Ports.IsEmpty)
        {
            sink.Error(path + ".ports", $"unix endpoint {workload.Address} must not include ports");
        }

        sink.Warning(path + ".address", "unix domain socket endpoints are not supported by OrleansMesh: this endpoint gets no traffic");
    }
}
