using OrleansMesh.Hosting;

namespace OrleansMesh.Cli.Connection;

/// <summary>
/// What only meshctl needs to connect, from the <c>OrleansMesh</c> configuration section; where the cluster is comes
/// from <see cref="MeshClusterOptions"/>, read from the same section as the silo and the gateways read it.
/// </summary>
internal sealed class MeshConnectionOptions
{
    /// <summary>
    /// How long to keep trying to connect before giving up. Default: 5 seconds. Env: <c>OrleansMesh__ConnectTimeout</c>.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Returns what is wrong with the options, naming the setting to fix; null when they are valid.</summary>
    public string? Validate() =>
        ConnectTimeout <= TimeSpan.Zero
            ? $"{MeshClusterOptions.SectionName}:{nameof(ConnectTimeout)} is {ConnectTimeout}; use a positive duration, e.g. 00:00:05"
            : null;
}
