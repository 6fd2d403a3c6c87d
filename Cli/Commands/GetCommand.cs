using System.Collections.Immutable;
using System.CommandLine;
using OrleansMesh.Cli.Output;
using OrleansMesh.Cli.Resources;
using OrleansMesh.Configuration;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl get KIND [NAME]</c>: lists stored resources as a table, as YAML that applies back unchanged, or as a
/// Kubernetes <c>List</c> in JSON for scripts.
/// </summary>
internal sealed class GetCommand(CliContext context)
{
    public const string Table = "table";
    public const string Yaml = "yaml";
    public const string Json = "json";

    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("KIND") { Description = $"The kind: {ResourceKindNames.ValidKinds}." };
        var name = new Argument<string?>("NAME") { Description = "Only the resource of this name.", Arity = ArgumentArity.ZeroOrOne };
        var ns = CommonOptions.Namespace();
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "List the resources of every namespace." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "table, yaml (Istio YAML that 'meshctl apply -f -' takes back), or json (a Kubernetes List, as kubectl prints).",
            DefaultValueFactory = _ => Table,
        };
        output.AcceptOnlyFromAmong(Table, Yaml, Json);
        var command = new Command("get", "List stored resources.") { kind, name, ns, allNamespaces, output };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new GetCommand(context).RunAsync(
                parse.GetRequiredValue(kind), parse.GetValue(name), parse.GetRequiredValue(ns), parse.GetValue(allNamespaces), parse.GetRequiredValue(output), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(string kindText, string? name, string ns, bool allNamespaces, string output, CancellationToken cancellationToken)
    {
        if (!ResourceKindNames.TryResolve(kindText, out var kinds))
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"the server doesn't have a resource type \"{kindText}\"; valid kinds: {ResourceKindNames.ValidKinds}");
        }

        if (name is not null && allNamespaces)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, "a resource cannot be retrieved by name across all namespaces");
        }

        if (name is not null && kinds.Length > 1)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"a resource is retrieved by name with one kind, not \"{kindText}\"");
        }

        var grain = await context.ConfigGrainAsync(cancellationToken);
        var filterNamespace = allNamespaces ? null : ns;
        var resources = new List<MeshResource>();
        foreach (var kind in kinds)
        {
            resources.AddRange(await grain.ListAsync(kind, filterNamespace, name));
        }

        if (resources.Count == 0 && !(output == Json && name is null))
        {
            return await NothingFoundAsync(kinds, name, filterNamespace);
        }

        resources.Sort(Compare);
        switch (output)
        {
            case Yaml:
                // Live weights are shown beside the VirtualServices they drive, as status: the spec stays as written.
                var live = resources.Any(r => r is VirtualService) ? await grain.ListLiveWeightsAsync() : [];
                await context.Out.WriteAsync(MeshConfigWriter.ToYaml(resources, live));
                break;
            case Json:
                await context.Out.WriteAsync(MeshConfigWriter.ToJson(resources));
                break;
            default:
                ResourceTable.Write(context.Out, resources, withNamespace: allNamespaces, qualifyNames: kinds.Length > 1, await RolloutStatusesAsync(resources, cancellationToken));
                break;
        }

        return ExitCodes.Ok;
    }

    // What `kubectl get canaries` shows beside each Rollout: its driver's phase and weight.
    private async Task<Dictionary<ResourceId, RolloutStatus>> RolloutStatusesAsync(List<MeshResource> resources, CancellationToken cancellationToken)
    {
        var rollouts = resources.OfType<Rollout>().ToList();
        if (rollouts.Count == 0)
        {
            return [];
        }

        var grains = await context.GrainsAsync(cancellationToken);
        var statuses = await Task.WhenAll(rollouts.Select(r => grains.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf(r.Metadata.Namespace, r.Metadata.Name)).GetStatusAsync()));
        return rollouts.Zip(statuses).Where(p => p.Second is not null).ToDictionary(p => p.First.Id, p => p.Second!);
    }

    private async Task<int> NothingFoundAsync(ImmutableArray<ResourceKind> kinds, string? name, string? ns)
    {
        if (name is not null)
        {
            await context.Error.WriteLineAsync($"Error from server (NotFound): {ResourceKindNames.Plural(kinds[0])} \"{name}\" not found");
            return ExitCodes.ConfigError;
        }

        // As kubectl: an empty list is an answer, not an error.
        await context.Error.WriteLineAsync(ns is null ? "No resources found" : $"No resources found in {ns} namespace.");
        return ExitCodes.Ok;
    }

    private static int Compare(MeshResource a, MeshResource b)
    {
        var byKind = a.Kind.CompareTo(b.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var byNamespace = string.CompareOrdinal(a.Metadata.Namespace, b.Metadata.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
    }
}
