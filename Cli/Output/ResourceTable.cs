using OrleansMesh.Cli.Resources;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Cli.Output;

/// <summary>The table of <c>meshctl get</c>: one block per kind, as <c>kubectl get</c> prints them.</summary>
internal static class ResourceTable
{
    /// <param name="output">Where to write.</param>
    /// <param name="resources">The resources, sorted.</param>
    /// <param name="withNamespace">Adds a NAMESPACE column, for <c>-A</c>.</param>
    /// <param name="qualifyNames">Prefixes names with their kind, for <c>get all</c> where blocks of several kinds follow each other.</param>
    /// <param name="rollouts">The drivers' status of the Rollouts listed, by resource (PHASE and WEIGHT columns).</param>
    public static void Write(TextWriter output, IReadOnlyList<MeshResource> resources, bool withNamespace, bool qualifyNames, IReadOnlyDictionary<ResourceId, RolloutStatus>? rollouts = null)
    {
        var first = true;
        foreach (var group in resources.GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            string[] lead = withNamespace ? ["NAMESPACE", "NAME"] : ["NAME"];
            var headers = lead.Concat(ResourceColumns.Headers(group.Key)).ToList();
            var rows = group.Select(r => (IReadOnlyList<string>)[.. Lead(r, withNamespace, qualifyNames), .. ResourceColumns.Values(r, rollouts?.GetValueOrDefault(r.Id))]).ToList();
            TableWriter.Write(output, headers, rows);
        }
    }

    private static IEnumerable<string> Lead(MeshResource resource, bool withNamespace, bool qualifyNames)
    {
        if (withNamespace)
        {
            yield return resource.Metadata.Namespace;
        }

        yield return qualifyNames ? $"{ResourceKindNames.Qualified(resource.Kind)}/{resource.Metadata.Name}" : resource.Metadata.Name;
    }
}
