using OrleansMesh.Networking;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>The fields of ServiceEntry and WorkloadEntry specs, by Istio's names.</summary>
internal static class ServiceEntrySchema
{
    public static readonly ObjectCodec<ServicePort> Port = new ObjectCodec<ServicePort>("ServicePort")
        .Field("number", UInt, p => p.Number, (p, v) => p with { Number = v }, always: true)
        .Field("protocol", Str, p => p.Protocol, (p, v) => p with { Protocol = v }, always: true)
        .Field("name", Str, p => p.Name, (p, v) => p with { Name = v })
        .Optional("targetPort", UInt, p => p.TargetPort, (p, v) => p with { TargetPort = v });

    public static readonly ObjectCodec<WorkloadEntrySpec> Workload = new ObjectCodec<WorkloadEntrySpec>("WorkloadEntry")
        .Field("address", Str, w => w.Address, (w, v) => w with { Address = v })
        .Field("ports", new MapCodec<uint>(UInt), w => w.Ports, (w, v) => w with { Ports = v })
        .Field("labels", StrMap, w => w.Labels, (w, v) => w with { Labels = v })
        .Field("network", Str, w => w.Network, (w, v) => w with { Network = v })
        .Field("locality", Str, w => w.Locality, (w, v) => w with { Locality = v })
        .Optional("weight", UInt, w => w.Weight, (w, v) => w with { Weight = v })
        .Field("serviceAccount", Str, w => w.ServiceAccount, (w, v) => w with { ServiceAccount = v });

    public static readonly ObjectCodec<WorkloadSelector> Selector = new ObjectCodec<WorkloadSelector>("WorkloadSelector")
        .Field("labels", StrMap, s => s.Labels, (s, v) => s with { Labels = v });

    public static readonly ObjectCodec<ServiceEntrySpec> Spec = new ObjectCodec<ServiceEntrySpec>("ServiceEntry")
        .Field("hosts", StrList, s => s.Hosts, (s, v) => s with { Hosts = v })
        .Field("addresses", StrList, s => s.Addresses, (s, v) => s with { Addresses = v })
        .Field("ports", new ListCodec<ServicePort>(Port), s => s.Ports, (s, v) => s with { Ports = v })
        .Field("location", new ChoiceCodec("MESH_EXTERNAL", "MESH_INTERNAL"), s => s.Location, (s, v) => s with { Location = v }, always: true)
        .Field("resolution", new ChoiceCodec("NONE", "STATIC", "DNS", "DNS_ROUND_ROBIN", "DYNAMIC_DNS"), s => s.Resolution, (s, v) => s with { Resolution = v }, always: true)
        .Field("endpoints", new ListCodec<WorkloadEntrySpec>(Workload), s => s.Endpoints, (s, v) => s with { Endpoints = v })
        .Field("workloadSelector", Selector, s => s.WorkloadSelector, (s, v) => s with { WorkloadSelector = v })
        .Field("exportTo", StrList, s => s.ExportTo, (s, v) => s with { ExportTo = v })
        .Field("subjectAltNames", StrList, s => s.SubjectAltNames, (s, v) => s with { SubjectAltNames = v });
}
