using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Analysis;

/// <summary>
/// Istio-analyzer-style checks of a whole config (what would be stored): hosts without endpoints and rules that can
/// never match. What the validator already reports (undefined subsets, negative weights or a zero total weight, …) is left to it.
/// </summary>
internal static class MeshAnalyzer
{
    public const string ReferencedResourceNotFound = "IST0101";
    public const string UnreachableRule = "IST0130";
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
            foreach (var message in Unreachable(service.Spec.Http, name))
            {
                yield return message;
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

    // Envoy takes the first rule that matches: a rule matching everything hides every rule after it.
    private static IEnumerable<AnalysisMessage> Unreachable(IReadOnlyList<HttpRoute> routes, string name)
    {
        var catchAll = -1;
        for (var i = 0; i < routes.Count; i++)
        {
            if (catchAll >= 0)
            {
                yield return new(DiagnosticSeverity.Warning, UnreachableRule, name, $"VirtualService rule #{i}{Label(routes[i])} not used (rule #{catchAll} matches every request; only the last rule can have no matches)");
            }
            else if (routes[i].Match.IsEmpty || routes[i].Match.Any(MatchesEverything))
            {
                catchAll = i;
            }
        }
    }

    private static bool MatchesEverything(HttpMatchRequest match) =>
        match.Uri is null && match.Scheme is null && match.Method is null && match.Authority is null && match.Port is null
        && match.Headers.IsEmpty && match.QueryParams.IsEmpty && match.WithoutHeaders.IsEmpty && match.SourceLabels.IsEmpty
        && match.Gateways.IsEmpty && match.SourceNamespace is null;

    private static string Label(HttpRoute route) => route.Name is { } name ? $" ({name})" : "";

    private static string Name(MeshResource resource) => $"{resource.Metadata.Namespace}/{resource.Metadata.Name}";
}
