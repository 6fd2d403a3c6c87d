namespace OrleansMesh.Networking;

/// <summary>Istio <c>Headers</c>: operations on request and response headers.</summary>
[GenerateSerializer, Immutable, Alias("om.HeaderOperations")]
public sealed record HeaderOperations
{
    /// <summary>Applied to the request before forwarding.</summary>
    [Id(0)] public HeaderMutation? Request { get; init; }

    /// <summary>Applied to the response before returning it.</summary>
    [Id(1)] public HeaderMutation? Response { get; init; }
}
