namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPRequestRedirectFilter</c>.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpRequestRedirectFilter")]
public sealed record HttpRequestRedirectFilter
{
    /// <summary><c>scheme</c>: <c>http</c> or <c>https</c>.</summary>
    [Id(0)] public string? Scheme { get; init; }

    /// <summary><c>hostname</c>.</summary>
    [Id(1)] public string? Hostname { get; init; }

    /// <summary><c>path</c> (<c>ReplaceFullPath</c>).</summary>
    [Id(2)] public HttpPathModifier? Path { get; init; }

    /// <summary><c>port</c>.</summary>
    [Id(3)] public uint? Port { get; init; }

    /// <summary><c>statusCode</c>: 301 (the default) or 302.</summary>
    [Id(4)] public int? StatusCode { get; init; }
}
