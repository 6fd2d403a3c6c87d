using System.Collections.Immutable;
using OrleansMesh.GatewayApi;
using IstioGateway = OrleansMesh.Networking.Gateway;

namespace OrleansMesh.Gateway.Routing;

/// <summary>
/// Decides which VirtualServices this gateway serves, with Istio's meaning of <c>gateways:</c>: none or <c>mesh</c>
/// means mesh traffic, which every OrleansMesh gateway carries; a named Gateway applies when its selector matches
/// this gateway's labels and one of its servers exposes the host. A Gateway API Gateway's listeners (translated into
/// Istio Gateways) are served by every gateway without the <c>gateway.networking.k8s.io/gateway-name</c> label, and by
/// those whose label names that Gateway.
/// </summary>
internal sealed class GatewayBinding
{
    private const string Mesh = "mesh";
    private readonly ImmutableDictionary<string, IstioGateway> _gateways;
    private readonly IReadOnlyDictionary<string, string> _labels;

    public GatewayBinding(IEnumerable<IstioGateway> gateways, IReadOnlyDictionary<string, string> labels)
    {
        _gateways = gateways.ToImmutableDictionary(g => $"{g.Metadata.Namespace}/{g.Metadata.Name}", StringComparer.OrdinalIgnoreCase);
        _labels = labels;
    }

    /// <summary>Whether a rule bound to <paramref name="gatewayNames"/> (empty: the mesh) applies here for <paramref name="host"/>.</summary>
    public bool Applies(ImmutableArray<string> gatewayNames, string ruleNamespace, string host)
    {
        if (gatewayNames.IsDefaultOrEmpty)
        {
            return true;
        }

        foreach (var name in gatewayNames)
        {
            if (string.Equals(name, Mesh, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var key = name.Contains('/', StringComparison.Ordinal) ? name : $"{ruleNamespace}/{name}";
            if (_gateways.TryGetValue(key, out var gateway) && Selects(gateway) && Exposes(gateway, host))
            {
                return true;
            }
        }

        return false;
    }

    // A gateway without the Gateway API's gateway-name label serves every Gateway API Gateway; one with it, only its own.
    private bool Selects(IstioGateway gateway)
        => gateway.Spec.Selector.All(l => _labels.TryGetValue(l.Key, out var value)
            ? value == l.Value
            : l.Key == GatewayApiTranslator.GatewayNameLabel);

    private static bool Exposes(IstioGateway gateway, string host)
        => gateway.Spec.Servers.Any(s => s.Hosts.Any(h => HostPattern.Covers(StripNamespace(h), host)));

    private static string StripNamespace(string serverHost)
    {
        var slash = serverHost.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? serverHost[(slash + 1)..] : serverHost;
    }
}
