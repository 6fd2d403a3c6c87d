namespace OrleansMesh.Resilience;

/// <summary>
/// What one gateway saw of one endpoint since its last report. Errors follow Envoy's outlier detection:
/// connect failures, resets and timeouts count as both 5xx and gateway errors (Istio does not split local-origin errors).
/// </summary>
[GenerateSerializer, Immutable, Alias("om.EndpointOutcomes")]
public sealed record EndpointOutcomes
{
    /// <summary>The endpoint as gateways dial it, <c>address:port</c>.</summary>
    [Id(0)] public string Address { get; init; } = "";

    /// <summary>Requests finished.</summary>
    [Id(1)] public int Requests { get; init; }

    /// <summary>Requests that ended in a 5xx or a local-origin failure.</summary>
    [Id(2)] public int ServerErrors { get; init; }

    /// <summary>Requests that ended in a 502, 503, 504 or a local-origin failure.</summary>
    [Id(3)] public int GatewayErrors { get; init; }

    /// <summary>Server errors in a row at the end of the batch, since its last request that was not one.</summary>
    [Id(4)] public int TrailingServerErrors { get; init; }

    /// <summary>Gateway errors in a row at the end of the batch, since its last request that was not one.</summary>
    [Id(5)] public int TrailingGatewayErrors { get; init; }
}
