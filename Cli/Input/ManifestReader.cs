using System.Collections.Immutable;

namespace OrleansMesh.Cli.Input;

/// <summary>Reads the texts named by <c>-f</c>: files, directories (their *.yaml and *.yml, sorted) and <c>-</c> for standard input.</summary>
internal static class ManifestReader
{
    public const string StandardInput = "-";

    public static async Task<ImmutableArray<Manifest>> ReadAsync(
        IReadOnlyList<string> paths, bool recursive, TextReader stdin, CancellationToken cancellationToken)
    {
        var manifests = ImmutableArray.CreateBuilder<Manifest>();
        var stdinRead = false;
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                // Standard input can be read once; naming it twice must not apply its resources twice.
                if (!stdinRead)
                {
                    manifests.Add(new Manifest(StandardInput, await stdin.ReadToEndAsync(cancellationToken)));
                    stdinRead = true;
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in YamlFilesIn(path, recursive))
                {
                    manifests.Add(new Manifest(file, await File.ReadAllTextAsync(file, cancellationToken)));
                }
            }
            else if (File.Exists(path))
            {
                manifests.Add(new Manifest(path, await File.ReadAllTextAsync(path, cancellationToken)));
            }
            else
            {
                throw new MeshCtlException(ExitCodes.ConfigError, $"the path \"{path}\" does not exist");
            }
        }

        return manifests.ToImmutable();
    }

    private static IEnumerable<string> YamlFilesIn(string directory, bool recursive) =>
        Directory.EnumerateFiles(directory, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
}
