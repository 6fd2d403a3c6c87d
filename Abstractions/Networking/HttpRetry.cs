namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPRetry</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRetry")]
public sealed record HttpRetry
{
    /// <summary>Retries allowed; 0 disables retries.</summary>
    [Id(0)] public int Attempts { get; init; }

    /// <summary>Timeout of each attempt. Default: the route timeout.</summary>
    [Id(1)] public TimeSpan? PerTryTimeout { get; init; }

    /// <summary>Envoy retry conditions, comma-separated (e.g. <c>5xx,connect-failure</c>).</summary>
    [Id(2)] public string? RetryOn { get; init; }

    /// <summary>Whether retries may go to other localities.</summary>
    [Id(3)] public bool? RetryRemoteLocalities { get; init; }
}
