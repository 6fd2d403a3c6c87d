namespace OrleansMesh.Cli.Output;

/// <summary>What <c>meshctl describe service</c> shows of one host (its <c>-o json</c> shape).</summary>
/// <param name="Host">The service host.</param>
/// <param name="Generation">The mesh config generation the description was read at.</param>
/// <param name="VirtualServices">The VirtualServices listing the host, <c>namespace/name</c>, in the order Istio merges them.</param>
/// <param name="DestinationRule">The DestinationRule of the host, <c>namespace/name</c>, or null.</param>
/// <param name="Ports">The service's ports, <c>name number/protocol</c>.</param>
/// <param name="Breaker">The breaker of the whole service (routes naming no subset).</param>
/// <param name="Subsets">The DestinationRule's subsets.</param>
/// <param name="Endpoints">Every endpoint of the service.</param>
internal sealed record ServiceDescription(
    string Host,
    long Generation,
    IReadOnlyList<string> VirtualServices,
    string? DestinationRule,
    IReadOnlyList<string> Ports,
    BreakerView Breaker,
    IReadOnlyList<SubsetDescription> Subsets,
    IReadOnlyList<EndpointDescription> Endpoints);
