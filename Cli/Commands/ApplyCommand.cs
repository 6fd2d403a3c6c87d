using System.CommandLine;
using OrleansMesh.Cli.Input;
using OrleansMesh.Cli.Output;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl apply -f FILE|DIR|-</c>: validates locally, then has the mesh validate against its stored config and apply all files as one change.</summary>
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

        // References to stored resources are checked by the grain alone (a dry run included): only it knows the order
        // resources were created in, which decides among DestinationRules of one host. Locate points its errors at the files.
        var grain = await context.ConfigGrainAsync(cancellationToken);
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
}
