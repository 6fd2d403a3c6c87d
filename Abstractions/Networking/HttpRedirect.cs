namespace OrleansMesh.Networking;

/// <summary>Istio <c>HTTPRedirect</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRedirect")]
public sealed record HttpRedirect
{
    /// <summary>Replaces the path (query string kept).</summary>
    [Id(0)] public string? Uri { get; init; }

    /// <summary>Replaces the authority.</summary>
    [Id(1)] public string? Authority { get; init; }

    /// <summary>Replaces the port.</summary>
    [Id(2)] public uint? Port { get; init; }

    /// <summary><c>FROM_PROTOCOL_DEFAULT</c> or <c>FROM_REQUEST_PORT</c>.</summary>
    [Id(3)] public string? DerivePort { get; init; }

    /// <summary>Replaces the scheme.</summary>
    [Id(4)] public string? Scheme { get; init; }

    /// <summary>The status code. Default: 301.</summary>
    [Id(5)] public int RedirectCode { get; init; } = 301;
}
