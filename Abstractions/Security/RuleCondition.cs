using System.Collections.Immutable;

namespace OrleansMesh.Security;

/// <summary>Istio <c>Condition</c>: an attribute such as <c>request.auth.claims[groups]</c> and the values it must (not) have.</summary>
[GenerateSerializer, Immutable, Alias("om.RuleCondition")]
public sealed record RuleCondition
{
    /// <summary>The attribute, e.g. <c>request.headers[x-user]</c>.</summary>
    [Id(0)] public string Key { get; init; } = "";

    /// <summary>Values of which one must match.</summary>
    [Id(1)] public ImmutableArray<string> Values { get; init; } = [];

    /// <summary>Values none of which may match.</summary>
    [Id(2)] public ImmutableArray<string> NotValues { get; init; } = [];
}
