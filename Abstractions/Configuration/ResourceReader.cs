using OrleansMesh.GatewayApi;
using OrleansMesh.Inference;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Security;

namespace OrleansMesh.Configuration;

/// <summary>Reads one YAML document into a resource: apiVersion, kind, metadata and the kind's spec.</summary>
internal static class ResourceReader
{
    public static readonly string[] NetworkingApiVersions = ["networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3"];

    public static readonly string[] SecurityApiVersions = ["security.istio.io/v1", "security.istio.io/v1beta1"];

    /// <summary>OrleansMesh's own kinds (<see cref="ResourceKind.Rollout"/>).</summary>
    public static readonly string[] MeshApiVersions = [Rollout.Version];

    /// <summary>The Gateway API Inference Extension's groups: InferencePool went GA in v1, InferenceObjective is alpha.</summary>
    public static readonly string[] InferencePoolApiVersions = ["inference.networking.k8s.io/v1"];

    public static readonly string[] InferenceObjectiveApiVersions = ["inference.networking.x-k8s.io/v1alpha2"];

    /// <summary>The Gateway API's group: HTTPRoute, Gateway and GatewayClass.</summary>
    public static readonly string[] GatewayApiVersions = ["gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"];

    public static readonly string[] ApiVersions = [.. NetworkingApiVersions, .. SecurityApiVersions, .. MeshApiVersions, .. InferencePoolApiVersions, .. InferenceObjectiveApiVersions, .. GatewayApiVersions];

    /// <summary>The kinds as YAML spells them (the Gateway API's Gateway is <c>Gateway</c>, like Istio's).</summary>
    public static readonly string[] Kinds = [.. Enum.GetValues<ResourceKind>().Select(ResourceKinds.YamlKind).Distinct(StringComparer.Ordinal)];

    private static readonly string[] s_topLevel = ["apiVersion", "kind", "metadata", "spec"];

    public static MeshResource? Read(YamlTreeNode root, ReadContext context)
    {
        context.Record("", root.Start);
        if (root is not YamlTreeMapping mapping)
        {
            context.Error("", root.Start, $"a document must be a mapping with apiVersion, kind, metadata and spec, got {root.Describe()}");
            return null;
        }

        // Before any field is checked: a Kubernetes kind has fields (data, rules, ...) of its own.
        if (KubernetesKinds.Skip(mapping.Entries.Find(e => e.Key.Value == "apiVersion"), mapping.Entries.Find(e => e.Key.Value == "kind"), context))
        {
            return null;
        }

        var fields = new Dictionary<string, (string Path, YamlTreeEntry Entry)>(StringComparer.Ordinal);
        foreach (var (key, path, entry) in context.Entries(mapping, ""))
        {
            if (s_topLevel.Contains(key, StringComparer.Ordinal))
            {
                fields[key] = (path, entry);
            }
            else if (key != "status")
            {
                context.Error(path, entry.Key.Start, Suggestions.UnknownField(key, s_topLevel));
            }
        }

        var apiVersion = ReadApiVersion(root, fields, context);
        var kind = ReadKind(root, fields, context, apiVersion);
        if (apiVersion is null || kind is null || !GroupServes(apiVersion, kind.Value, fields["apiVersion"], context))
        {
            return null;
        }

        var metadata = new ResourceMetadata();
        if (!fields.TryGetValue("metadata", out var meta))
        {
            context.Error("metadata", root.Start, "metadata is required (at least metadata.name)");
        }
        else if (CommonSchema.Metadata.TryRead(meta.Entry.Value, meta.Path, context, out var read))
        {
            metadata = read;
        }

        var spec = fields.TryGetValue("spec", out var s) && s.Entry.Value is not YamlTreeScalar { IsNull: true } ? s : default;
        if (UnenforcedResource.IsUnenforcedKind(kind.Value))
        {
            return ReadUnenforced(kind.Value, apiVersion, metadata, spec, fields["kind"], context);
        }

        return kind.Value switch
        {
            ResourceKind.VirtualService => new VirtualService { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(VirtualServiceSchema.Spec, spec, context) },
            ResourceKind.DestinationRule => new DestinationRule { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(DestinationRuleSchema.Spec, spec, context) },
            ResourceKind.ServiceEntry => new ServiceEntry { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(ServiceEntrySchema.Spec, spec, context) },
            ResourceKind.WorkloadEntry => new WorkloadEntry { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(ServiceEntrySchema.Workload, spec, context) },
            ResourceKind.Gateway => new Gateway { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(GatewaySchema.Spec, spec, context) },
            ResourceKind.RequestAuthentication => new RequestAuthentication { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(SecuritySchema.RequestAuthentication, spec, context) },
            ResourceKind.Rollout => new Rollout { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(RolloutSchema.Spec, spec, context) },
            ResourceKind.AuthorizationPolicy => new AuthorizationPolicy { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(SecuritySchema.AuthorizationPolicy, spec, context) },
            ResourceKind.InferencePool => new InferencePool { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(InferenceSchema.Pool, spec, context) },
            ResourceKind.InferenceObjective => new InferenceObjective { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(InferenceSchema.Objective, spec, context) },
            ResourceKind.HTTPRoute => new HttpRouteResource { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(GatewayApiSchema.Route, spec, context) },
            ResourceKind.KubernetesGateway => new KubernetesGateway { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(GatewayApiSchema.Gateway, spec, context) },
            _ => new PeerAuthentication { ApiVersion = apiVersion, Metadata = metadata, Spec = ReadSpec(SecuritySchema.PeerAuthentication, spec, context) },
        };
    }

    public static bool IsSecurityKind(ResourceKind kind) =>
        kind is ResourceKind.RequestAuthentication or ResourceKind.AuthorizationPolicy or ResourceKind.PeerAuthentication;

    // Kubernetes serves each kind from one API group only.
    private static bool GroupServes(string apiVersion, ResourceKind kind, (string Path, YamlTreeEntry Entry) field, ReadContext context)
    {
        var versions = kind switch
        {
            ResourceKind.Rollout => MeshApiVersions,
            ResourceKind.InferencePool => InferencePoolApiVersions,
            ResourceKind.InferenceObjective => InferenceObjectiveApiVersions,
            ResourceKind.HTTPRoute or ResourceKind.KubernetesGateway or ResourceKind.GatewayClass => GatewayApiVersions,
            _ when IsSecurityKind(kind) => SecurityApiVersions,
            _ => NetworkingApiVersions,
        };
        if (versions.Contains(apiVersion, StringComparer.Ordinal))
        {
            return true;
        }

        context.Error(field.Path, field.Entry.Value.Start, $"apiVersion '{apiVersion}' does not serve kind {ResourceKinds.YamlKind(kind)}; use one of {string.Join(", ", versions)}");
        return false;
    }

    // Kept as written so that `get -o yaml` gives it back; a warning names the kind and why it has no effect.
    private static UnenforcedResource? ReadUnenforced(ResourceKind kind, string apiVersion, ResourceMetadata metadata, (string Path, YamlTreeEntry Entry) spec, (string Path, YamlTreeEntry Entry) kindField, ReadContext context)
    {
        context.Warning(kindField.Path, kindField.Entry.Value.Start, UnenforcedResource.Reason(kind));
        if (spec.Path is not null && spec.Entry.Value is not YamlTreeMapping)
        {
            context.TypeError(spec.Path, spec.Entry.Value, $"a mapping ({kind})");
            return null;
        }

        return new UnenforcedResource
        {
            StoredKind = kind,
            ApiVersion = apiVersion,
            Metadata = metadata,
            SpecYaml = spec.Path is null ? "" : YamlTreeEmitter.Emit([spec.Entry.Value]),
        };
    }

    private static T ReadSpec<T>(ObjectCodec<T> codec, (string Path, YamlTreeEntry Entry) spec, ReadContext context)
        where T : class, new() =>
        spec.Path is not null && codec.TryRead(spec.Entry.Value, spec.Path, context, out var value) ? value : new T();

    private static string? ReadApiVersion(YamlTreeNode root, Dictionary<string, (string Path, YamlTreeEntry Entry)> fields, ReadContext context)
    {
        var supported = string.Join(", ", ApiVersions);
        if (!fields.TryGetValue("apiVersion", out var field))
        {
            context.Error("apiVersion", root.Start, $"apiVersion is required; supported: {supported}");
            return null;
        }

        if (!StringCodec.Instance.TryRead(field.Entry.Value, field.Path, context, out var apiVersion))
        {
            return null;
        }

        if (ApiVersions.Contains(apiVersion, StringComparer.Ordinal))
        {
            return apiVersion;
        }

        context.Error(field.Path, field.Entry.Value.Start, $"unknown apiVersion '{apiVersion}'; supported: {supported}");
        return null;
    }

    private static ResourceKind? ReadKind(YamlTreeNode root, Dictionary<string, (string Path, YamlTreeEntry Entry)> fields, ReadContext context, string? apiVersion)
    {
        var supported = string.Join(", ", Kinds);
        if (!fields.TryGetValue("kind", out var field))
        {
            context.Error("kind", root.Start, $"kind is required; supported: {supported}");
            return null;
        }

        if (!StringCodec.Instance.TryRead(field.Entry.Value, field.Path, context, out var kind))
        {
            return null;
        }

        // Kubernetes tells kinds of one name apart by their group: Gateway is Istio's or the Gateway API's.
        var named = Enum.GetValues<ResourceKind>().Where(k => ResourceKinds.YamlKind(k) == kind).ToList();
        if (named.Count > 0)
        {
            var gatewayApi = apiVersion is not null && GatewayApiVersions.Contains(apiVersion, StringComparer.Ordinal);
            return named.Count == 1 ? named[0] : named.Find(k => (k == ResourceKind.KubernetesGateway) == gatewayApi);
        }

        if (apiVersion is not null)
        {
            var at = field.Entry.Value.Start;
            var close = Suggestions.Closest(kind, Kinds);
            context.Error(field.Path, at, close is null ? $"unknown kind '{kind}'; supported: {supported}" : $"unknown kind '{kind}'; did you mean '{close}'?");
        }

        return null;
    }
}
