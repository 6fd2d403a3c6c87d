namespace OrleansMesh.GatewayApi;

/// <summary>An HTTPRoute rule's <c>timeouts</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRouteTimeouts")]
public sealed record HttpRouteTimeouts
{
    /// <summary><c>request</c>: the whole request, retries included (the VirtualService <c>timeout</c>).</summary>
    [Id(0)] public TimeSpan? Request { get; init; }

    /// <summary><c>backendRequest</c>: one attempt to the backend (the VirtualService <c>retries.perTryTimeout</c>).</summary>
    [Id(1)] public TimeSpan? BackendRequest { get; init; }
}
