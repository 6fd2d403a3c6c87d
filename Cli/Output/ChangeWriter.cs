using OrleansMesh.Cli.Resources;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli.Output;

/// <summary>Writes what an apply or delete did, in kubectl's words.</summary>
internal static class ChangeWriter
{
    private const string DryRunSuffix = " (dry run)";

    /// <summary><c>virtualservice.networking.istio.io/reviews created</c>.</summary>
    public static void WriteApplied(TextWriter output, IEnumerable<ResourceChange> changes, bool dryRun)
    {
        foreach (var change in changes)
        {
            var id = change.Resource;
            output.WriteLine($"{ResourceKindNames.Qualified(id.Kind)}/{id.Name} {change.Action.ToString().ToLowerInvariant()}{Suffix(dryRun)}");
        }
    }

    /// <summary><c>virtualservice.networking.istio.io "reviews" deleted</c>.</summary>
    public static void WriteDeleted(TextWriter output, IEnumerable<ResourceChange> changes, bool dryRun)
    {
        foreach (var change in changes)
        {
            var id = change.Resource;
            output.WriteLine($"{ResourceKindNames.Qualified(id.Kind)} \"{id.Name}\" deleted{Suffix(dryRun)}");
        }
    }

    private static string Suffix(bool dryRun) => dryRun ? DryRunSuffix : "";
}
