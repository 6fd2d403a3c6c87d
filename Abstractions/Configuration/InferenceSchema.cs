using OrleansMesh.Inference;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>The fields of the Gateway API Inference Extension's InferencePool and InferenceObjective, by GIE's names.</summary>
internal static class InferenceSchema
{
    public static readonly ChoiceCodec FailureMode = new("FailOpen", "FailClose");

    public static readonly ObjectCodec<InferencePoolSelector> Selector = new ObjectCodec<InferencePoolSelector>("LabelSelector")
        .Field("matchLabels", StrMap, s => s.MatchLabels, (s, v) => s with { MatchLabels = v });

    public static readonly ObjectCodec<InferencePoolPort> Port = new ObjectCodec<InferencePoolPort>("Port")
        .Field("number", UInt, p => p.Number, (p, v) => p with { Number = v }, always: true);

    // GIE v1 spells the picker's port `port: {number}`; its first v1 drafts had `portNumber`. Both read into one field,
    // which writes back as `port`.
    public static readonly ObjectCodec<EndpointPickerRef> PickerRef = new ObjectCodec<EndpointPickerRef>("EndpointPickerRef")
        .Field("group", Str, r => r.Group, (r, v) => r with { Group = v })
        .Field("kind", Str, r => r.Kind, (r, v) => r with { Kind = v })
        .Field("name", Str, r => r.Name, (r, v) => r with { Name = v }, always: true)
        .Optional("port", PortSelector, r => r.PortNumber, (r, v) => r with { PortNumber = v })
        .ReadOnly("portNumber", UInt, (r, v) => r with { PortNumber = v })
        .Field("failureMode", FailureMode, r => r.FailureMode, (r, v) => r with { FailureMode = v });

    public static readonly ObjectCodec<InferencePoolSpec> Pool = new ObjectCodec<InferencePoolSpec>("InferencePool")
        .Field("selector", Selector, s => s.Selector, (s, v) => s with { Selector = v }, always: true)
        .Field("targetPorts", new ListCodec<InferencePoolPort>(Port), s => s.TargetPorts, (s, v) => s with { TargetPorts = v }, always: true)
        .Field("endpointPickerRef", PickerRef, s => s.EndpointPickerRef, (s, v) => s with { EndpointPickerRef = v }, always: true);

    public static readonly ObjectCodec<PoolReference> PoolRef = new ObjectCodec<PoolReference>("PoolObjectReference")
        .Field("group", Str, r => r.Group, (r, v) => r with { Group = v })
        .Field("kind", Str, r => r.Kind, (r, v) => r with { Kind = v })
        .Field("name", Str, r => r.Name, (r, v) => r with { Name = v }, always: true);

    public static readonly ObjectCodec<InferenceObjectiveSpec> Objective = new ObjectCodec<InferenceObjectiveSpec>("InferenceObjective")
        .Optional("priority", Int, s => s.Priority, (s, v) => s with { Priority = v })
        .Field("poolRef", PoolRef, s => s.PoolRef, (s, v) => s with { PoolRef = v }, always: true);
}
