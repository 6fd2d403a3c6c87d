using System.Collections.Immutable;
using System.Text;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Grains.Config;
using OrleansMesh.Networking;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// The whole apply path without a cluster: <see cref="MeshConfigLoader"/>, then the config grain's plan
/// (<see cref="ConfigPlanner.PlanApply"/>: validation and references) against an empty mesh. A text either applies or
/// yields errors that each name a line; the loader's safety net ("internal error") never fires; what applies writes
/// back (<see cref="MeshConfigWriter"/>) as YAML that loads to equal resources.
/// </summary>
internal sealed class IstioYamlTarget : IFuzzTarget
{
    private const string File = "fuzz.yaml";
    private static readonly DateTimeOffset s_now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "yaml";

    public void Run(ReadOnlySpan<byte> input)
    {
        var loaded = MeshConfigLoader.Load(Encoding.UTF8.GetString(input), File);
        CheckLocated(loaded.Diagnostics, "loading");
        if (loaded.HasErrors)
        {
            return;
        }

        var plan = ConfigPlanner.PlanApply(ImmutableDictionary<ResourceId, StoredResource>.Empty, loaded.Resources, 0, s_now);
        CheckLocated([.. plan.Diagnostics.Select(loaded.Locate)], "planning");
        if (plan.HasErrors)
        {
            return;
        }

        var resources = loaded.Resources.Select(r => r.Resource).ToList();
        var written = MeshConfigWriter.ToYaml(resources);
        var reloaded = MeshConfigLoader.Load(written, File);
        FuzzPropertyException.Check(!reloaded.HasErrors, $"what applied writes back as YAML that does not load: {string.Join("; ", reloaded.Diagnostics)}\n{written}");
        FuzzPropertyException.Check(reloaded.Resources.Length == resources.Count, "the written YAML holds another number of resources");
        for (var i = 0; i < resources.Count; i++)
        {
            var difference = ContentEquality.FirstDifference(resources[i], reloaded.Resources[i].Resource);
            FuzzPropertyException.Check(difference is null, $"written and read back, {resources[i].Id} differs at {difference}\n{written}");
        }
    }

    private static void CheckLocated(ImmutableArray<ConfigDiagnostic> diagnostics, string step)
    {
        foreach (var diagnostic in diagnostics)
        {
            FuzzPropertyException.Check(!diagnostic.Message.StartsWith("internal error", StringComparison.Ordinal), $"{step}: {diagnostic.Message}");
            FuzzPropertyException.Check(
                diagnostic.Severity != DiagnosticSeverity.Error || diagnostic.Line > 0,
                $"{step}: an error without a line: {diagnostic}");
        }
    }
}
