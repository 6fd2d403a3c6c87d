using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OrleansMesh.GatewayApi;
using OrleansMesh.Inference;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Security;

namespace OrleansMesh.Configuration;

/// <summary>Writes resources back as Istio YAML that <see cref="MeshConfigLoader"/> reads to equal resources.</summary>
public static class MeshConfigWriter
{
    /// <summary>
    /// Writes the resources as a multi-document YAML text: Istio's camelCase field names and enum spellings,
    /// durations such as <c>7s</c> or <c>500ms</c>, unset and default fields left out.
    /// </summary>
    /// <param name="resources">The resources, written in order.</param>
    public static string ToYaml(IEnumerable<MeshResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return YamlTreeEmitter.Emit(resources.Select(Document));
    }

    /// <summary>
    /// As <see cref="ToYaml(IEnumerable{MeshResource})"/>, with a <c>status.liveWeights</c> block on each VirtualService
    /// whose routes a Rollout drives: the split the gateways apply now, beside the spec as written. Applying the text
    /// back ignores <c>status</c>, as Kubernetes does.
    /// </summary>
    /// <param name="resources">The resources, written in order.</param>
    /// <param name="liveWeights">The live weights (<c>IMeshConfigGrain.ListLiveWeightsAsync</c>).</param>
    public static string ToYaml(IEnumerable<MeshResource> resources, ImmutableArray<LiveWeight> liveWeights)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return YamlTreeEmitter.Emit(resources.Select(r => WithStatus(Document(r), r, liveWeights)));
    }

    private static YamlTreeMapping WithStatus(YamlTreeMapping document, MeshResource resource, ImmutableArray<LiveWeight> weights)
    {
        if (resource is not VirtualService service || weights.IsDefaultOrEmpty)
        {
            return document;
        }

        var driven = new YamlTreeSequence(default);
        for (var i = 0; i < service.Spec.Http.Length; i++)
        {
            var route = service.Spec.Http[i];
            if (LiveWeightOverlay.Find(route, weights) is not { CanaryWeight: not null } weight)
            {
                continue;
            }

            var destinations = new YamlTreeSequence(default);
            foreach (var destination in LiveWeightOverlay.Apply(route, weight))
            {
                var entry = new YamlTreeMapping(default);
                Add(entry, "host", YamlText.String(destination.Destination.Host));
                if (destination.Destination.Subset is { } subset)
                {
                    Add(entry, "subset", YamlText.String(subset));
                }

                Add(entry, "weight", YamlText.Plain((destination.Weight ?? 0).ToString(CultureInfo.InvariantCulture)));
                destinations.Items.Add(entry);
            }

            var item = new YamlTreeMapping(default);
            Add(item, "rollout", YamlText.String($"{weight.Rollout.Namespace}/{weight.Rollout.Name}"));
            Add(item, "route", YamlText.String(route.Name ?? $"http[{i}]"));
            Add(item, "destinations", destinations);
            driven.Items.Add(item);
        }

        if (driven.Items.Count > 0)
        {
            var status = new YamlTreeMapping(default);
            Add(status, "liveWeights", driven);
            Add(document, "status", status);
        }

        return document;
    }

    /// <summary>
    /// Writes the resources as a Kubernetes <c>List</c> in JSON (what <c>kubectl get -o json</c> prints): the same fields
    /// and spellings as <see cref="ToYaml(IEnumerable{MeshResource})"/>, numbers and booleans as JSON numbers and booleans, indented.
    /// </summary>
    /// <param name="resources">The resources, written in order.</param>
    public static string ToJson(IEnumerable<MeshResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", "v1");
            json.WriteString("kind", "List");
            json.WritePropertyName("items");
            json.WriteStartArray();
            foreach (var resource in resources)
            {
                YamlTreeJson.Write(json, Document(resource));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    private static YamlTreeMapping Document(MeshResource resource)
    {
        var document = new YamlTreeMapping(default);
        Add(document, "apiVersion", YamlText.String(resource.ApiVersion));
        Add(document, "kind", YamlText.Plain(ResourceKinds.YamlKind(resource.Kind)));
        Add(document, "metadata", CommonSchema.Metadata.Write(resource.Metadata));
        Add(document, "spec", resource switch
        {
            VirtualService r => VirtualServiceSchema.Spec.Write(r.Spec),
            DestinationRule r => DestinationRuleSchema.Spec.Write(r.Spec),
            ServiceEntry r => ServiceEntrySchema.Spec.Write(r.Spec),
            WorkloadEntry r => ServiceEntrySchema.Workload.Write(r.Spec),
            Gateway r => GatewaySchema.Spec.Write(r.Spec),
            RequestAuthentication r => SecuritySchema.RequestAuthentication.Write(r.Spec),
            AuthorizationPolicy r => SecuritySchema.AuthorizationPolicy.Write(r.Spec),
            PeerAuthentication r => SecuritySchema.PeerAuthentication.Write(r.Spec),
            Rollout r => RolloutSchema.Spec.Write(r.Spec),
            InferencePool r => InferenceSchema.Pool.Write(r.Spec),
            InferenceObjective r => InferenceSchema.Objective.Write(r.Spec),
            HttpRouteResource r => GatewayApiSchema.Route.Write(r.Spec),
            KubernetesGateway r => GatewayApiSchema.Gateway.Write(r.Spec),
            UnenforcedResource r => StoredSpec(r.SpecYaml),
            _ => throw new ArgumentException($"unknown resource type {resource.GetType().Name}", nameof(resource)),
        });
        return document;
    }

    private static YamlTreeNode StoredSpec(string yaml) =>
        YamlTreeReader.Read(yaml).FirstOrDefault()?.Root is YamlTreeMapping spec ? spec : new YamlTreeMapping(default);

    private static void Add(YamlTreeMapping mapping, string key, YamlTreeNode value) =>
        mapping.Entries.Add(new YamlTreeEntry(YamlText.Plain(key), value));
}
