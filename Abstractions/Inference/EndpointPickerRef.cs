namespace OrleansMesh.Inference;

/// <summary>
/// GIE's <c>endpointPickerRef</c>. Kept so that GIE's manifests apply as they are and write back unchanged; the mesh's
/// gateways pick endpoints themselves, from metrics the control plane scrapes, so the referenced Service is not called.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.EndpointPickerRef")]
public sealed record EndpointPickerRef
{
    /// <summary>API group of the referent; default "" (core).</summary>
    [Id(0)] public string? Group { get; init; }

    /// <summary>Kind of the referent; default Service.</summary>
    [Id(1)] public string? Kind { get; init; }

    /// <summary>Name of the referent (required by GIE).</summary>
    [Id(2)] public string Name { get; init; } = "";

    /// <summary><c>port.number</c> (or the older <c>portNumber</c>) of the referent.</summary>
    [Id(3)] public uint? PortNumber { get; init; }

    /// <summary>
    /// <c>FailOpen</c> or <c>FailClose</c> (GIE's default). The mesh's picker cannot be unreachable (it runs in the
    /// gateway); when its metrics go stale it falls back to least-request in both modes, as the README explains.
    /// </summary>
    [Id(4)] public string? FailureMode { get; init; }
}
