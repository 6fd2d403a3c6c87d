using Microsoft.Extensions.Options;

namespace OrleansMesh.Silo.Hosting;

/// <summary>Checks <see cref="MeshSiloOptions"/> on start, naming the setting and what it may be.</summary>
internal sealed class MeshSiloOptionsValidator : IValidateOptions<MeshSiloOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!MeshSiloDefaults.StorageValues.Contains(options.Storage, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Key(nameof(options.Storage))} is '{options.Storage}'; allowed values: {string.Join(", ", MeshSiloDefaults.StorageValues)}");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{Key(nameof(options.DataDirectory))} is empty; set it (default: '{MeshSiloDefaults.DataDirectory}')");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string setting) => $"{MeshSiloOptions.SectionName}:{setting}";
}
