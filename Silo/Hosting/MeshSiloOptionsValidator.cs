using System.Net;
using Microsoft.Extensions.Options;
using OrleansMesh.Hosting;

namespace OrleansMesh.Silo.Hosting;

/// <summary>Checks <see cref="MeshSiloOptions"/> on start, naming the setting and what it may be.</summary>
internal sealed class MeshSiloOptionsValidator : IValidateOptions<MeshSiloOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Storage) && !MeshSiloDefaults.StorageValues.Contains(options.Storage, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Key(nameof(options.Storage))} is '{options.Storage}'; allowed values: {string.Join(", ", MeshSiloDefaults.StorageValues)}");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{Key(nameof(options.DataDirectory))} is empty; set it (default: '{MeshSiloDefaults.DataDirectory}')");
        }

        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"{Key(nameof(options.AdvertisedAddress))} is '{options.AdvertisedAddress}'; use an IP address this machine has, e.g. {MeshSiloDefaults.AdvertisedAddress}");
        }

        if (!MeshSiloDefaults.FailureDetectionValues.Contains(options.FailureDetection, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Key(nameof(options.FailureDetection))} is '{options.FailureDetection}'; allowed values: {string.Join(", ", MeshSiloDefaults.FailureDetectionValues)}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What the silo's settings and the cluster's contradict; empty when they agree.</summary>
    public static IEnumerable<string> ValidateAgainst(MeshSiloOptions options, MeshClusterOptions cluster)
    {
        if (string.Equals(options.EffectiveStorage(cluster), MeshSiloDefaults.RedisStorage, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrWhiteSpace(cluster.Redis))
        {
            yield return $"{Key(nameof(options.Storage))} is '{MeshSiloDefaults.RedisStorage}' but {Key(nameof(cluster.Redis))} is empty; set a StackExchange.Redis connection string, e.g. OrleansMesh__Redis=127.0.0.1:6379";
        }
    }

    private static string Key(string setting) => $"{MeshSiloOptions.SectionName}:{setting}";
}
