namespace OrleansMesh.Networking;

/// <summary>
/// Istio <c>Delegate</c>: the VirtualService (one without <c>hosts</c>) whose HTTP rules a root route continues
/// matching in.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.VirtualServiceDelegate")]
public sealed record VirtualServiceDelegate
{
    /// <summary>The delegate VirtualService's name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>Its namespace; default (unset): the root VirtualService's.</summary>
    [Id(1)] public string? Namespace { get; init; }
}
