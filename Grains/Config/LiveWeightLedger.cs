using System.Collections.Immutable;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Grains.Config;

/// <summary>
/// What an apply or delete does to the live weights Rollouts set: a deleted Rollout's weight stays, orphaned (so traffic
/// does not jump when a Rollout is removed), until a VirtualService that routes to its host is applied again.
/// </summary>
internal static class LiveWeightLedger
{
    /// <summary>The live weights after <paramref name="plan"/>; the same instance when nothing changes.</summary>
    public static IReadOnlyDictionary<ResourceId, LiveWeight> After(IReadOnlyDictionary<ResourceId, LiveWeight> current, ConfigPlan plan)
    {
        if (current.Count == 0)
        {
            return current;
        }

        var next = new Dictionary<ResourceId, LiveWeight>(current);
        var changed = false;
        foreach (var change in plan.Changes)
        {
            if (change.Resource.Kind == ResourceKind.Rollout && change.Action == ChangeAction.Deleted
                && next.TryGetValue(change.Resource, out var weight) && !weight.Orphaned)
            {
                next[change.Resource] = weight with { Orphaned = true };
                changed = true;
            }
            else if (change.Resource.Kind == ResourceKind.VirtualService && change.Action != ChangeAction.Deleted
                && plan.Next.TryGetValue(change.Resource, out var stored) && stored.Resource is VirtualService service)
            {
                foreach (var (id, orphan) in next.Where(w => w.Value.Orphaned && Routes(service, w.Value)).ToList())
                {
                    next.Remove(id);
                    changed = true;
                }
            }
        }

        return changed ? next : current;
    }

    /// <summary>Warnings for Rollouts <paramref name="plan"/> deletes whose weights stay on the routes.</summary>
    public static IEnumerable<ConfigDiagnostic> DeletionWarnings(IReadOnlyDictionary<ResourceId, LiveWeight> current, ConfigPlan plan) =>
        plan.Changes
            .Where(c => c.Resource.Kind == ResourceKind.Rollout && c.Action == ChangeAction.Deleted)
            .Select(c => current.GetValueOrDefault(c.Resource))
            .OfType<LiveWeight>()
            .Where(w => !w.Orphaned && w.CanaryWeight is not null)
            .Select(w => new ConfigDiagnostic
            {
                Severity = DiagnosticSeverity.Warning,
                Resource = w.Rollout.ToString(),
                Message = $"the live weights it set stay on the routes of {w.Host} ({w.Stable} {100 - w.CanaryWeight}, {w.Canary} {w.CanaryWeight}) until a VirtualService routing to {w.Host} is applied again",
            });

    private static bool Routes(VirtualService service, LiveWeight weight) =>
        service.Spec.Http.Any(route => LiveWeightOverlay.Find(route, [weight]) is not null);
}
