using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>Istio's single-resource rules for a Gateway.</summary>
internal static class GatewayRules
{
    public static void Check(ValidationSink sink, GatewaySpec spec)
    {
        if (spec.Servers.IsDefaultOrEmpty)
        {
            sink.Error("spec.servers", "at least one server is required");
        }

        for (var i = 0; i < spec.Servers.Length; i++)
        {
            var server = spec.Servers[i];
            var path = $"spec.servers[{i}]";
            if (server.Port.Number == 0)
            {
                sink.Error(path + ".port.number", "port number is required");
            }
            else
            {
                CommonRules.Port(sink, path + ".port.number", server.Port.Number);
            }

            CommonRules.Protocol(sink, path + ".port.protocol", server.Port.Protocol);
            CommonRules.Port(sink, path + ".port.targetPort", server.Port.TargetPort);
            if (server.Hosts.IsDefaultOrEmpty)
            {
                sink.Error(path + ".hosts", "at least one host is required");
            }
        }
    }
}
