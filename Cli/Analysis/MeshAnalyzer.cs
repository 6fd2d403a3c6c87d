using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Analysis;

/// <summary>
/// Istio-analyzer-style checks of a whole config (what would be stored): hosts without endpoints, rules and matches
/// that can never be used, and resources stored but not enforced. What the validator already reports (undefined
/// subsets, negative weights or a zero total weight, …) is left to it.
/// </summary>
internal static class MeshAnalyzer
{
    public const string ReferencedResourceNotFound = "IST0101";
    public const string UnreachableRule = "IST0130";
    public const string IneffectiveMatch = "IST0131";
    public const string NoEndpoints = "OM0001";
    public const string NotEnforced = "OM0002";

    public static IEnumerable<AnalysisMessage> Analyze(IReadOnlyCollection<MeshResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var stored in resources.OfType<UnenforcedResource>().OrderBy(r => r.Kind).ThenBy(Name, StringComparer.Ordinal))
        {
            yield return new(DiagnosticSeverity.Warning, NotEnforced, $"{stored.Kind} {Name(stored)}", UnenforcedResource.Reason(stored.Kind));
        }

        var registry = ServiceRegistry.From(resources);
        foreach (var service in resources.OfType<VirtualService>().OrderBy(Name, StringComparer.Ordinal))
        {
            var name = $"VirtualService {Name(service)}";
            foreach (var (code, message) in UnreachableRules.Find(service.Spec.Http))
            {
                yield return new(code == IneffectiveMatch ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning, code, name, message);
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var destination in service.Spec.Http.SelectMany(r => r.Route).Select(d => d.Destination))
            {
                if (!seen.Add(destination.Host))
                {
                    continue;
                }

                if (registry.EndpointCount(destination.Host) is not { } count)
                {
                    yield return new(DiagnosticSeverity.Warning, ReferencedResourceNotFound, name, $"Referenced host not found: \"{destination.Host}\" (no ServiceEntry lists it, so it has no endpoints)");
                }
                else if (count == 0)
                {
                    yield return new(DiagnosticSeverity.Warning, NoEndpoints, name, $"Referenced host \"{destination.Host}\" has no endpoints");
                }
            }
        }
    }

    private static string Name(MeshResource resource) => $"{resource.Metadata.Namespace}/{resource.Metadata.Name}";
}
