namespace OrleansMesh.Networking;

/// <summary>
/// A resource of an Istio kind OrleansMesh stores but does not enforce (<see cref="ResourceKind.Sidecar"/>,
/// <see cref="ResourceKind.EnvoyFilter"/>, <see cref="ResourceKind.ProxyConfig"/>, <see cref="ResourceKind.WorkloadGroup"/>):
/// a directory of real Istio config applies, the rest of it enforced, and <c>meshctl get -o yaml</c> gives these back as
/// written. Their spec is kept as YAML text, unvalidated.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.UnenforcedResource")]
public sealed record UnenforcedResource : MeshResource
{
    /// <summary>The resource's kind, one of the unenforced kinds.</summary>
    [Id(0)] public ResourceKind StoredKind { get; init; } = ResourceKind.EnvoyFilter;

    /// <summary>The <c>spec</c> as a YAML document, as it was read (empty when the resource had none).</summary>
    [Id(1)] public string SpecYaml { get; init; } = "";

    /// <inheritdoc />
    public override ResourceKind Kind => StoredKind;

    /// <summary>Whether OrleansMesh stores <paramref name="kind"/> without enforcing it.</summary>
    public static bool IsUnenforcedKind(ResourceKind kind) =>
        kind is ResourceKind.Sidecar or ResourceKind.EnvoyFilter or ResourceKind.ProxyConfig or ResourceKind.WorkloadGroup or ResourceKind.GatewayClass;

    /// <summary>Why <paramref name="kind"/> is not enforced, as <c>apply</c> and <c>analyze</c> say it.</summary>
    public static string Reason(ResourceKind kind) => kind switch
    {
        ResourceKind.Sidecar => "kind Sidecar is stored but not enforced by OrleansMesh: there are no sidecars, and every gateway sees every service",
        ResourceKind.EnvoyFilter => "kind EnvoyFilter is stored but not enforced by OrleansMesh: its Envoy patches have no meaning here, as OrleansMesh's gateways are not Envoy",
        ResourceKind.ProxyConfig => "kind ProxyConfig is stored but not enforced by OrleansMesh: it configures Envoy proxies, which OrleansMesh does not run",
        ResourceKind.WorkloadGroup => "kind WorkloadGroup is stored but not enforced by OrleansMesh: workloads do not register themselves; list them as WorkloadEntry resources",
        ResourceKind.GatewayClass => "kind GatewayClass is stored but not enforced by OrleansMesh: every Gateway is served by the mesh's gateways, whatever its gatewayClassName",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an unenforced kind"),
    };
}
