namespace OrleansMesh.GatewayApi;

/// <summary>An <c>HTTPHeader</c>: a name and a value.</summary>
[GenerateSerializer, Immutable, Alias("om.HttpHeaderValue")]
public sealed record HttpHeaderValue
{
    /// <summary><c>name</c>.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary><c>value</c>.</summary>
    [Id(1)] public string Value { get; init; } = "";
}
