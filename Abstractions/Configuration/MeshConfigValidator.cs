using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.GatewayApi;
using OrleansMesh.Inference;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;
using OrleansMesh.Security;

namespace OrleansMesh.Configuration;

/// <summary>Istio's validation rules, on typed resources: what one resource must satisfy, and what a set of resources must.</summary>
public static class MeshConfigValidator
{
    /// <summary>
    /// Checks one resource on its own (weights, regexes, required fields, ...). Each diagnostic has
    /// <see cref="ConfigDiagnostic.Path"/> and <see cref="ConfigDiagnostic.Resource"/> set and no line:
    /// <see cref="ConfigLoadResult.Locate"/> fills that in.
    /// </summary>
    /// <param name="resource">The resource.</param>
    public static ImmutableArray<ConfigDiagnostic> Validate(MeshResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var sink = new ValidationSink(resource.Id.ToString());
        CommonRules.Metadata(sink, resource.Metadata);
        switch (resource)
        {
            case VirtualService virtualService:
                VirtualServiceRules.Check(sink, virtualService.Spec);
                break;
            case DestinationRule destinationRule:
                DestinationRuleRules.Check(sink, destinationRule.Spec);
                break;
            case ServiceEntry serviceEntry:
                ServiceEntryRules.Check(sink, serviceEntry.Spec);
                break;
            case WorkloadEntry workloadEntry:
                ServiceEntryRules.Workload(sink, "spec", workloadEntry.Spec, declared: null);
                break;
            case Gateway gateway:
                GatewayRules.Check(sink, gateway.Spec);
                break;
            case RequestAuthentication authentication:
                SecurityRules.Check(sink, authentication.Spec);
                break;
            case AuthorizationPolicy policy:
                AuthorizationPolicyRules.Check(sink, policy.Spec);
                break;
            case PeerAuthentication peer:
                SecurityRules.Check(sink, peer.Spec);
                break;
            case Rollout rollout:
                RolloutRules.Check(sink, rollout.Spec);
                break;
            case InferencePool pool:
                InferenceRules.Check(sink, pool.Spec);
                InferenceRules.MetricAnnotations(sink, pool.Metadata.Annotations);
                break;
            case InferenceObjective objective:
                InferenceRules.Check(sink, objective.Spec);
                break;
            case HttpRouteResource route:
                GatewayApiRules.Check(sink, route.Spec);
                break;
            case KubernetesGateway gateway:
                GatewayApiRules.Check(sink, gateway.Spec);
                break;
        }

        return sink.ToImmutable();
    }

    /// <summary>
    /// Checks references between resources (subsets named by routes exist, ...) in the set the mesh would hold
    /// after a change, reporting only on the resources in <paramref name="changed"/>. The set's order is taken as
    /// the resources' age: when two DestinationRules name one host, the first is the one used.
    /// </summary>
    /// <param name="resultingSet">Every resource the mesh would hold.</param>
    /// <param name="changed">The resources being applied.</param>
    public static ImmutableArray<ConfigDiagnostic> ValidateReferences(IReadOnlyCollection<MeshResource> resultingSet, IReadOnlySet<ResourceId> changed)
    {
        ArgumentNullException.ThrowIfNull(resultingSet);
        ArgumentNullException.ThrowIfNull(changed);
        return new ReferenceRules(resultingSet).Check(changed);
    }
}
