using System.CommandLine;
using OrleansMesh.Cli.Input;
using OrleansMesh.Cli.Output;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl apply -f FILE|DIR|-</c>: validates locally and against the stored config, then applies all files as one change.</summary>
internal sealed class ApplyCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var files = CommonOptions.Filename("apply");
        files.Required = true;
        var recursive = CommonOptions.Recursive();
        var dryRun = CommonOptions.DryRun();
        var command = new Command("apply", "Create or replace resources from Istio networking YAML. All files are applied together, or none is.")
        {
            files, recursive, dryRun,
        };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new ApplyCommand(context).RunAsync(parse.GetRequiredValue(files), parse.GetValue(recursive), parse.GetValue(dryRun), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> paths, bool recursive, bool dryRun, CancellationToken cancellationToken)
    {
        var loaded = LoadedManifests.Load(await ManifestReader.ReadAsync(paths, recursive, context.In, cancellationToken));
        var diagnostics = new DiagnosticWriter(context.Error);
        diagnostics.Write(loaded.Diagnostics);
        if (loaded.HasErrors)
        {
            return ExitCodes.ConfigError;
        }

        if (loaded.Resources.IsEmpty)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, "no objects passed to apply");
        }

        var grain = await context.ConfigGrainAsync(cancellationToken);
        var references = CheckReferences(await grain.ListAsync(), loaded);
        diagnostics.Write(references);
        if (references.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return ExitCodes.ConfigError;
        }

        var result = await grain.ApplyAsync(new ApplyRequest { Resources = loaded.Resources, DryRun = dryRun });
        diagnostics.Write(result.Diagnostics.Select(loaded.Locate));
        if (!result.Succeeded)
        {
            diagnostics.WriteRefusal(result, "the mesh control plane refused the change; nothing was applied");
            return ExitCodes.ConfigError;
        }

        ChangeWriter.WriteApplied(context.Out, result.Changes, dryRun);
        return ExitCodes.Ok;
    }

    // Checked here as well as in the grain so that the errors point at the user's files and lines.
    private static List<ConfigDiagnostic> CheckReferences(IEnumerable<MeshResource> stored, LoadedManifests loaded)
    {
        var resulting = stored.ToDictionary(r => r.Id);
        foreach (var sourced in loaded.Resources)
        {
            resulting[sourced.Resource.Id] = sourced.Resource;
        }

        var changed = loaded.Resources.Select(s => s.Resource.Id).ToHashSet();
        return
        [
            .. MeshConfigValidator.ValidateReferences(resulting.Values, changed)
                .Select(loaded.Locate)
                .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column),
        ];
    }
}
