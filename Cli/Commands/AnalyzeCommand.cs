using System.CommandLine;
using OrleansMesh.Cli.Analysis;
using OrleansMesh.Cli.Input;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl analyze -f FILE|DIR|-</c>: the files on top of the mesh's stored config (or alone with <c>--local</c>),
/// checked as <c>istioctl analyze</c> does. Findings go to standard output, one a line.
/// </summary>
internal sealed class AnalyzeCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var files = CommonOptions.Filename("analyze");
        files.Required = true;
        var recursive = CommonOptions.Recursive();
        var local = new Option<bool>("--local") { Description = "Analyze the files alone, without the mesh's stored config (no connection)." };
        var command = new Command("analyze", "Find problems in config before applying it: unknown subsets and hosts, hosts without endpoints, rules that can never match, invalid fields.")
        {
            files, recursive, local,
        };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new AnalyzeCommand(context).RunAsync(parse.GetRequiredValue(files), parse.GetValue(recursive), parse.GetValue(local), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> paths, bool recursive, bool local, CancellationToken cancellationToken)
    {
        var loaded = LoadedManifests.Load(await ManifestReader.ReadAsync(paths, recursive, context.In, cancellationToken));
        var lines = loaded.Diagnostics.Select(d => (d.Severity, Text: d.ToString())).ToList();
        if (!loaded.HasErrors)
        {
            var resources = new Dictionary<ResourceId, MeshResource>();
            if (!local)
            {
                var grain = await context.ConfigGrainAsync(cancellationToken);
                foreach (var stored in await grain.ListAsync())
                {
                    resources[stored.Id] = stored;
                }
            }

            foreach (var sourced in loaded.Resources)
            {
                resources[sourced.Resource.Id] = sourced.Resource;
            }

            var changed = loaded.Resources.Select(r => r.Resource.Id).ToHashSet();
            lines.AddRange(MeshConfigValidator.ValidateReferences(resources.Values, changed).Select(loaded.Locate).Select(d => (d.Severity, Text: d.ToString())));
            lines.AddRange(MeshAnalyzer.Analyze(resources.Values).Select(m => (m.Severity, Text: m.ToString())));
        }

        foreach (var text in lines.Select(l => l.Text).Distinct(StringComparer.Ordinal))
        {
            await context.Out.WriteLineAsync(text);
        }

        if (lines.Count == 0)
        {
            await context.Out.WriteLineAsync("No validation issues found.");
        }

        return lines.Any(l => l.Severity == DiagnosticSeverity.Error) ? ExitCodes.ConfigError : ExitCodes.Ok;
    }
}
