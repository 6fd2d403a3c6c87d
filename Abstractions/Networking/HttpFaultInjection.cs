namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPFaultInjection</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpFaultInjection")]
public sealed record HttpFaultInjection
{
    /// <summary>Delay before forwarding.</summary>
    [Id(0)] public FaultDelay? Delay { get; init; }

    /// <summary>Answer with an error instead of forwarding.</summary>
    [Id(1)] public FaultAbort? Abort { get; init; }
}
