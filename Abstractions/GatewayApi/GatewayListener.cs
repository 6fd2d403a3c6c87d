namespace OrleansMesh.GatewayApi;

/// <summary>A Gateway API <c>Listener</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.GatewayListener")]
public sealed record GatewayListener
{
    /// <summary><c>name</c>, what a parentRef's <c>sectionName</c> names.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary><c>hostname</c>: exact or <c>*.suffix</c>; unset: every host.</summary>
    [Id(1)] public string? Hostname { get; init; }

    /// <summary><c>port</c>.</summary>
    [Id(2)] public uint Port { get; init; }

    /// <summary><c>protocol</c>: HTTPRoutes attach to <c>HTTP</c> and <c>HTTPS</c> listeners.</summary>
    [Id(3)] public string Protocol { get; init; } = "";

    /// <summary><c>allowedRoutes</c>.</summary>
    [Id(4)] public AllowedRoutes? AllowedRoutes { get; init; }
}
