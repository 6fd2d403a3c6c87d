using OrleansMesh.Security;

namespace OrleansMesh.Gateway.Security.Authorization;

/// <summary>A compiled <c>to.operation</c>: every field set must match. Hosts compare without case, with or without the port.</summary>
internal sealed class OperationMatcher(RequestOperation operation)
{
    private readonly ValueSet<IstioStringMatch> _hosts = ValueSets.Strings(operation.Hosts, operation.NotHosts, ignoreCase: true);
    private readonly ValueSet<string> _ports = ValueSets.Ports(operation.Ports, operation.NotPorts);
    private readonly ValueSet<IstioStringMatch> _methods = ValueSets.Strings(operation.Methods, operation.NotMethods);
    private readonly ValueSet<IstioStringMatch> _paths = ValueSets.Strings(operation.Paths, operation.NotPaths);

    public bool Matches(RequestAttributes request) =>
        (_hosts.IsEmpty || _hosts.Matches(request.Host, WithoutPort(request.Host)))
        && (_ports.IsEmpty || _ports.Matches(request.DestinationPort))
        && (_methods.IsEmpty || _methods.Matches(request.Method))
        && (_paths.IsEmpty || _paths.Matches(request.Path));

    private static string WithoutPort(string host)
    {
        var colon = host.LastIndexOf(':');
        return colon > 0 && colon > host.LastIndexOf(']') ? host[..colon] : host;
    }
}
