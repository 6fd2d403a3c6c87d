using System.CommandLine;
using OrleansMesh.Cli.Input;

namespace OrleansMesh.Cli.Commands;

/// <summary>Options several commands share, spelled as kubectl spells them.</summary>
internal static class CommonOptions
{
    public const string DefaultNamespace = "default";

    public static Option<string[]> Filename(string verb) => new("--filename", "-f")
    {
        Description = $"A file, a directory (its *.yaml and *.yml files) or {ManifestReader.StandardInput} for standard input, holding the resources to {verb}. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
        HelpName = "FILE|DIR|-",
    };

    public static Option<bool> Recursive() => new("--recursive", "-R")
    {
        Description = "Also read the files of subdirectories of the directories given with -f.",
    };

    public static Option<bool> DryRun() => new("--dry-run")
    {
        Description = "Validate against the mesh's stored config and show what would change, without changing anything.",
    };

    public static Option<string> Namespace() => new("--namespace", "-n")
    {
        Description = "The namespace.",
        DefaultValueFactory = _ => DefaultNamespace,
        HelpName = "NAMESPACE",
    };
}
