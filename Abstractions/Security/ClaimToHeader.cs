namespace OrleansMesh.Security;

/// <summary>Istio <c>ClaimToHeader</c>: a verified claim copied to an upstream request header.</summary>
[GenerateSerializer, Immutable, Alias("om.ClaimToHeader")]
public sealed record ClaimToHeader
{
    /// <summary>The header to set.</summary>
    [Id(0)] public string Header { get; init; } = "";

    /// <summary>The claim, e.g. <c>sub</c>; nested claims as <c>a.b</c>.</summary>
    [Id(1)] public string Claim { get; init; } = "";
}
