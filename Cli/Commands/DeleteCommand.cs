using System.Collections.Immutable;
using System.CommandLine;
using OrleansMesh.Cli.Input;
using OrleansMesh.Cli.Output;
using OrleansMesh.Cli.Resources;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl delete -f FILE|DIR|-</c> or <c>meshctl delete KIND NAME</c>: deletes all named resources, or none.</summary>
internal sealed class DeleteCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var files = CommonOptions.Filename("delete");
        var recursive = CommonOptions.Recursive();
        var kind = new Argument<string?>("KIND") { Description = $"The kind, when not using -f: {ResourceKindNames.ValidSingleKinds}.", Arity = ArgumentArity.ZeroOrOne };
        var name = new Argument<string?>("NAME") { Description = "The resource's name, when not using -f.", Arity = ArgumentArity.ZeroOrOne };
        var ns = CommonOptions.Namespace();
        var dryRun = CommonOptions.DryRun();
        var command = new Command("delete", "Delete resources: those the files define (-f), or one by kind and name.")
        {
            kind, name, files, recursive, ns, dryRun,
        };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new DeleteCommand(context).RunAsync(
                parse.GetValue(files) ?? [], parse.GetValue(recursive), parse.GetValue(kind), parse.GetValue(name),
                parse.GetRequiredValue(ns), parse.GetValue(dryRun), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(
        IReadOnlyList<string> paths, bool recursive, string? kindText, string? name, string ns, bool dryRun, CancellationToken cancellationToken)
    {
        if (paths.Count > 0 == (kindText is not null))
        {
            throw new MeshCtlException(ExitCodes.ConfigError, "name the resources to delete either with -f FILE|DIR|- or as KIND NAME, not both");
        }

        var diagnostics = new DiagnosticWriter(context.Error);
        LoadedManifests? loaded = null;
        ImmutableArray<ResourceId> ids;
        if (paths.Count > 0)
        {
            loaded = LoadedManifests.Load(await ManifestReader.ReadAsync(paths, recursive, context.In, cancellationToken));
            diagnostics.Write(loaded.Diagnostics);
            if (loaded.HasErrors)
            {
                return ExitCodes.ConfigError;
            }

            ids = [.. loaded.Resources.Select(s => s.Resource.Id).Distinct()];
            if (ids.IsEmpty)
            {
                throw new MeshCtlException(ExitCodes.ConfigError, "no objects passed to delete");
            }
        }
        else
        {
            ids = [Named(kindText!, name, ns)];
        }

        var grain = await context.ConfigGrainAsync(cancellationToken);
        var result = await grain.DeleteAsync(new DeleteRequest { Resources = ids, DryRun = dryRun });
        diagnostics.Write(loaded is null ? result.Diagnostics : result.Diagnostics.Select(loaded.Locate));
        if (!result.Succeeded)
        {
            diagnostics.WriteRefusal(result, "the mesh control plane refused the deletion; nothing was deleted");
            return ExitCodes.ConfigError;
        }

        ChangeWriter.WriteDeleted(context.Out, result.Changes, dryRun);
        return ExitCodes.Ok;
    }

    private static ResourceId Named(string kindText, string? name, string ns)
    {
        if (!ResourceKindNames.TryResolve(kindText, out var kinds) || kinds.Length != 1)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"the server doesn't have a resource type \"{kindText}\" to delete; valid kinds: {ResourceKindNames.ValidSingleKinds}");
        }

        if (name is null)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"name the {ResourceKindNames.Singular(kinds[0])} to delete: meshctl delete {kindText} NAME");
        }

        return new ResourceId(kinds[0], ns, name);
    }
}
