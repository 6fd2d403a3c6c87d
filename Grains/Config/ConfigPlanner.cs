using System.Collections.Immutable;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Routing;
using OrleansMesh.Networking;

namespace OrleansMesh.Grains.Config;

/// <summary>Validates an apply or delete against the stored resources and works out its outcome, without storing anything.</summary>
internal static class ConfigPlanner
{
    /// <summary>Plans storing <paramref name="resources"/>, each replacing the stored resource with its id.</summary>
    public static ConfigPlan PlanApply(
        IReadOnlyDictionary<ResourceId, StoredResource> stored,
        ImmutableArray<SourcedResource> resources,
        long lastRevision,
        DateTimeOffset now)
    {
        var diagnostics = ImmutableArray.CreateBuilder<ConfigDiagnostic>();
        var origins = new Dictionary<string, ResourceOrigin?>(StringComparer.Ordinal);
        var changes = ImmutableArray.CreateBuilder<ResourceChange>();
        var next = new Dictionary<ResourceId, StoredResource>(stored);
        var applied = new HashSet<ResourceId>();
        var revision = lastRevision;
        foreach (var sourced in resources.IsDefault ? [] : resources)
        {
            if (sourced?.Resource is not { } resource)
            {
                diagnostics.Add(new ConfigDiagnostic { Severity = DiagnosticSeverity.Error, Message = "The request holds an empty resource." });
                continue;
            }

            var id = resource.Id;
            var name = id.ToString();
            if (!applied.Add(id))
            {
                diagnostics.Add(Locate(Error(name, $"{name} appears more than once in the request; apply each resource once."), sourced.Origin));
                continue;
            }

            origins[name] = sourced.Origin;
            foreach (var diagnostic in MeshConfigValidator.Validate(resource))
            {
                diagnostics.Add(Locate(diagnostic with { Resource = diagnostic.Resource ?? name }, sourced.Origin));
            }

            if (stored.TryGetValue(id, out var existing))
            {
                var same = ContentEquality.AreEqual(existing.Resource, resource);
                changes.Add(new ResourceChange { Resource = id, Action = same ? ChangeAction.Unchanged : ChangeAction.Configured });
                next[id] = same ? existing : existing with { Resource = resource };
            }
            else
            {
                changes.Add(new ResourceChange { Resource = id, Action = ChangeAction.Created });
                next[id] = new StoredResource { Resource = resource, CreatedRevision = ++revision, CreatedAt = now };
            }
        }

        foreach (var diagnostic in MeshConfigValidator.ValidateReferences(CreationOrder.Sort(next.Values), applied))
        {
            diagnostics.Add(Locate(diagnostic, diagnostic.Resource is { } r ? origins.GetValueOrDefault(r) : null));
        }

        return new ConfigPlan { Diagnostics = diagnostics.ToImmutable(), Changes = changes.ToImmutable(), Next = next, LastRevision = revision };
    }

    /// <summary>
    /// Plans deleting <paramref name="ids"/>; a missing resource is an error (kubectl's NotFound).
    /// What the deletion leaves dangling (a route naming a deleted rule's subset) is reported as a warning,
    /// as Istio's analyzer does for a missing DestinationRule: the delete itself is valid.
    /// </summary>
    public static ConfigPlan PlanDelete(IReadOnlyDictionary<ResourceId, StoredResource> stored, ImmutableArray<ResourceId> ids, long lastRevision)
    {
        var diagnostics = ImmutableArray.CreateBuilder<ConfigDiagnostic>();
        var changes = ImmutableArray.CreateBuilder<ResourceChange>();
        var next = new Dictionary<ResourceId, StoredResource>(stored);
        var deleted = new List<MeshResource>();
        var requested = new HashSet<ResourceId>();
        foreach (var id in ids.IsDefault ? [] : ids)
        {
            var name = id.ToString();
            if (!requested.Add(id))
            {
                diagnostics.Add(Error(name, $"{name} appears more than once in the request; delete each resource once."));
            }
            else if (next.Remove(id, out var existing))
            {
                deleted.Add(existing.Resource);
                changes.Add(new ResourceChange { Resource = id, Action = ChangeAction.Deleted });
            }
            else
            {
                diagnostics.Add(Error(name, $"{id.Kind} \"{id.Name}\" not found in namespace \"{id.Namespace}\"."));
            }
        }

        var serviceEntries = ResourceHosts.ServiceEntries(stored.Values).ToList();
        var touched = deleted.SelectMany(r => ResourceHosts.TablesOf(r, serviceEntries)).ToHashSet(StringComparer.Ordinal);
        var referencing = next.Values
            .Where(r => ResourceHosts.ReferencedBy(r.Resource, serviceEntries).Any(touched.Contains)
                || deleted.Any(d => ResourceHosts.DelegatesTo(r.Resource, d.Id))
                || (r.Resource.Kind == ResourceKind.HTTPRoute && deleted.Any(d => d.Kind is ResourceKind.KubernetesGateway or ResourceKind.InferencePool)))
            .Select(r => r.Resource.Id)
            .ToHashSet();
        if (referencing.Count > 0)
        {
            diagnostics.AddRange(MeshConfigValidator.ValidateReferences(CreationOrder.Sort(next.Values), referencing)
                .Select(d => d with { Severity = DiagnosticSeverity.Warning }));
        }

        return new ConfigPlan { Diagnostics = diagnostics.ToImmutable(), Changes = changes.ToImmutable(), Next = next, LastRevision = lastRevision };
    }

    private static ConfigDiagnostic Error(string resource, string message) =>
        new() { Severity = DiagnosticSeverity.Error, Message = message, Resource = resource };

    private static ConfigDiagnostic Locate(ConfigDiagnostic diagnostic, ResourceOrigin? origin) =>
        origin is null
            ? diagnostic
            : diagnostic with
            {
                File = diagnostic.File ?? origin.File,
                Document = diagnostic.Document == 0 ? origin.Document : diagnostic.Document,
            };
}
