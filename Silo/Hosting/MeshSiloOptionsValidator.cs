using Microsoft.Extensions.Options;

namespace OrleansMesh.Silo.Hosting;

/// <summary>Checks <see cref="MeshSiloOptions"/> on start, naming the setting and what it may be.</summary>
internal sealed class MeshSiloOptionsValidator : IValidateOptions<MeshSiloOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OneOf(failures, nameof(options.Clustering), options.Clustering, MeshSiloDefaults.ClusteringValues);
        OneOf(failures, nameof(options.Storage), options.Storage, MeshSiloDefaults.StorageValues);
        Port(failures, nameof(options.SiloPort), options.SiloPort);
        Port(failures, nameof(options.GatewayPort), options.GatewayPort);
        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"{Key(nameof(options.SiloPort))} and {Key(nameof(options.GatewayPort))} are both {options.SiloPort}; give them different ports");
        }

        NotEmpty(failures, nameof(options.DataDirectory), options.DataDirectory, MeshSiloDefaults.DataDirectory);
        NotEmpty(failures, nameof(options.ClusterId), options.ClusterId, MeshSiloDefaults.ClusterId);
        NotEmpty(failures, nameof(options.ServiceId), options.ServiceId, MeshSiloDefaults.ServiceId);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void OneOf(List<string> failures, string setting, string value, string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Key(setting)} is '{value}'; allowed values: {string.Join(", ", allowed)}");
        }
    }

    private static void Port(List<string> failures, string setting, int value)
    {
        if (value is < 1 or > 65535)
        {
            failures.Add($"{Key(setting)} is {value}; use a port from 1 to 65535");
        }
    }

    private static void NotEmpty(List<string> failures, string setting, string value, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Key(setting)} is empty; set it (default: '{example}')");
        }
    }

    private static string Key(string setting) => $"{MeshSiloDefaults.SectionName}:{setting}";
}
