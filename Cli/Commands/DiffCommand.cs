using System.CommandLine;
using OrleansMesh.Cli.Input;
using OrleansMesh.Cli.Output;
using OrleansMesh.Cli.Resources;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl diff -f FILE|DIR|-</c>: what <c>apply</c> would change, as the mesh itself decides it (a dry-run apply),
/// with a line diff of each created or changed resource against the stored one.
/// </summary>
internal sealed class DiffCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var files = CommonOptions.Filename("compare with the mesh");
        files.Required = true;
        var recursive = CommonOptions.Recursive();
        var command = new Command("diff", $"Show what 'meshctl apply' would change. Exit code {ExitCodes.Differences} when it would change something, 0 when not.")
        {
            files, recursive,
        };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new DiffCommand(context).RunAsync(parse.GetRequiredValue(files), parse.GetValue(recursive), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> paths, bool recursive, CancellationToken cancellationToken)
    {
        var loaded = LoadedManifests.Load(await ManifestReader.ReadAsync(paths, recursive, context.In, cancellationToken));
        var diagnostics = new DiagnosticWriter(context.Error);
        diagnostics.Write(loaded.Diagnostics);
        if (loaded.HasErrors)
        {
            return ExitCodes.ConfigError;
        }

        var grain = await context.ConfigGrainAsync(cancellationToken);
        var result = await grain.ApplyAsync(new ApplyRequest { Resources = loaded.Resources, DryRun = true });
        diagnostics.Write(result.Diagnostics.Select(loaded.Locate));
        if (!result.Succeeded)
        {
            diagnostics.WriteRefusal(result, "the mesh control plane would refuse these files; apply would change nothing");
            return ExitCodes.ConfigError;
        }

        var changed = 0;
        foreach (var change in result.Changes.Where(c => c.Action != ChangeAction.Unchanged))
        {
            var id = change.Resource;
            var proposed = loaded.Resources.Single(r => r.Resource.Id == id).Resource;
            var stored = await grain.ListAsync(id.Kind, id.Namespace, id.Name);
            var label = $"{ResourceKindNames.Qualified(id.Kind)}/{id.Namespace}/{id.Name}";
            LineDiff.Write(context.Out, stored.IsEmpty ? "/dev/null" : $"{label} (mesh)", stored.IsEmpty ? "" : MeshConfigWriter.ToYaml(stored), $"{label} ({change.Action.ToString().ToLowerInvariant()})", MeshConfigWriter.ToYaml([proposed]));
            changed++;
        }

        return changed == 0 ? ExitCodes.Ok : ExitCodes.Differences;
    }
}
