using System.Collections.Immutable;

namespace OrleansMesh.Security;

/// <summary>Istio <c>Rule</c>: a request matches when it matches one <c>from</c>, one <c>to</c> and every <c>when</c> (an empty list matches anything).</summary>
[GenerateSerializer, Immutable, Alias("om.AuthorizationRule")]
public sealed record AuthorizationRule
{
    /// <summary>The <c>from[].source</c> entries.</summary>
    [Id(0)] public ImmutableArray<RequestSource> From { get; init; } = [];

    /// <summary>The <c>to[].operation</c> entries.</summary>
    [Id(1)] public ImmutableArray<RequestOperation> To { get; init; } = [];

    /// <summary>The <c>when</c> conditions.</summary>
    [Id(2)] public ImmutableArray<RuleCondition> When { get; init; } = [];
}
