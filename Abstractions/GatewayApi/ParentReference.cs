namespace OrleansMesh.GatewayApi;

/// <summary>A <c>parentRef</c>: a Gateway API Gateway, optionally one listener of it.</summary>
[GenerateSerializer, Immutable, Alias("om.ParentReference")]
public sealed record ParentReference
{
    /// <summary>Default and only accepted value: <c>gateway.networking.k8s.io</c>.</summary>
    [Id(0)] public string? Group { get; init; }

    /// <summary>Default and only accepted value: <c>Gateway</c>.</summary>
    [Id(1)] public string? Kind { get; init; }

    /// <summary>The Gateway's namespace; default: the route's.</summary>
    [Id(2)] public string? Namespace { get; init; }

    /// <summary>The Gateway's name.</summary>
    [Id(3)] public string Name { get; init; } = "";

    /// <summary>The listener's name; unset: every listener that allows the route.</summary>
    [Id(4)] public string? SectionName { get; init; }

    /// <summary>The listener's port; unset: any.</summary>
    [Id(5)] public uint? Port { get; init; }
}
