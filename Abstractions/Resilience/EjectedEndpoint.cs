namespace OrleansMesh.Resilience;

/// <summary>An endpoint outlier detection has taken out of load balancing.</summary>
[GenerateSerializer, Immutable, Alias("om.EjectedEndpoint")]
public sealed record EjectedEndpoint
{
    /// <summary>The endpoint, <c>address:port</c>.</summary>
    [Id(0)] public string Address { get; init; } = "";

    /// <summary>Time left until it returns, counted from when the view was made.</summary>
    [Id(1)] public TimeSpan Remaining { get; init; }

    /// <summary>
    /// How many times it has been ejected, as Envoy counts it for the ejection time (<c>baseEjectionTime</c> × this,
    /// at most 300 s): up by one per ejection, down by one per <c>interval</c> the endpoint then stays in service.
    /// </summary>
    [Id(2)] public int Ejections { get; init; }
}
