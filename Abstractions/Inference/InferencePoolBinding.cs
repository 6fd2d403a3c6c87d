using System.Collections.Immutable;

namespace OrleansMesh.Inference;

/// <summary>
/// What a pool host's route table carries besides its members (the table's <c>Service</c>): the pool it stands for,
/// so that gateways pick among its endpoints with the endpoint picker, and the priorities of its objectives.
/// </summary>
[GenerateSerializer, Immutable, Alias("om.InferencePoolBinding")]
public sealed record InferencePoolBinding
{
    /// <summary>The pool's name.</summary>
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>The pool's namespace.</summary>
    [Id(1)] public string Namespace { get; init; } = "default";

    /// <summary>The model servers' port (<c>targetPorts[0].number</c>).</summary>
    [Id(2)] public uint TargetPort { get; init; }

    /// <summary>The pool's InferenceObjectives: name to priority (0 when unset).</summary>
    [Id(3)] public ImmutableDictionary<string, int> Objectives { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>The metric names the pool's members are read by, from its annotations; null: GIE's protocol names.</summary>
    [Id(4)] public PoolMetricNames? Metrics { get; init; }

    /// <summary>The pool's host, <c>NAME.NAMESPACE.inferencepool</c>.</summary>
    public string Host => InferencePoolHosts.Host(Name, Namespace);
}
