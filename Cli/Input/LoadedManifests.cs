using System.Collections.Immutable;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Input;

/// <summary>The resources of every manifest of one command, and where each came from.</summary>
internal sealed class LoadedManifests
{
    private readonly ImmutableArray<ConfigLoadResult> _results;

    private LoadedManifests(ImmutableArray<ConfigLoadResult> results, ImmutableArray<ConfigDiagnostic> diagnostics)
    {
        _results = results;
        Diagnostics = diagnostics;
        Resources = [.. results.SelectMany(r => r.Resources)];
    }

    /// <summary>The resources of all manifests, in order.</summary>
    public ImmutableArray<SourcedResource> Resources { get; }

    /// <summary>The loader's diagnostics, and one error per resource defined twice.</summary>
    public ImmutableArray<ConfigDiagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    public static LoadedManifests Load(IEnumerable<Manifest> manifests)
    {
        ImmutableArray<ConfigLoadResult> results = [.. manifests.Select(m => MeshConfigLoader.Load(m.Text, m.Name))];
        var diagnostics = results.SelectMany(r => r.Diagnostics).Concat(Duplicates(results.SelectMany(r => r.Resources)));
        return new LoadedManifests(results, [.. diagnostics]);
    }

    /// <summary>Gives a diagnostic about one of <see cref="Resources"/> its file and line.</summary>
    public ConfigDiagnostic Locate(ConfigDiagnostic diagnostic)
    {
        if (diagnostic.Resource is null)
        {
            return diagnostic;
        }

        var owner = _results.FirstOrDefault(r => r.Resources.Any(s => s.Resource.Id.ToString() == diagnostic.Resource));
        return owner?.Locate(diagnostic) ?? diagnostic;
    }

    // One request holds each resource once: a second definition would silently win, which is never what was meant.
    private static IEnumerable<ConfigDiagnostic> Duplicates(IEnumerable<SourcedResource> resources)
    {
        var first = new Dictionary<ResourceId, SourcedResource>();
        foreach (var resource in resources)
        {
            var id = resource.Resource.Id;
            if (first.TryGetValue(id, out var earlier))
            {
                yield return new ConfigDiagnostic
                {
                    Severity = DiagnosticSeverity.Error,
                    File = resource.Origin?.File,
                    Document = resource.Origin?.Document ?? 0,
                    Line = resource.Origin?.Line ?? 0,
                    Resource = id.ToString(),
                    Message = $"defined more than once (first in {Describe(earlier.Origin)})",
                };
            }
            else
            {
                first.Add(id, resource);
            }
        }
    }

    private static string Describe(ResourceOrigin? origin) =>
        origin is null ? "an earlier document" : $"{origin.File}:{origin.Line}";
}
