namespace OrleansMesh.Networking;

/// <summary>Identifies a resource: kind, namespace and name.</summary>
[GenerateSerializer, Immutable, Alias("om.ResourceId")]
public readonly record struct ResourceId(
    [property: Id(0)] ResourceKind Kind,
    [property: Id(1)] string Namespace,
    [property: Id(2)] string Name)
{
    /// <summary>kubectl-style text, e.g. <c>virtualservice/default/reviews</c>.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}/{Namespace}/{Name}";
}
