namespace OrleansMesh.Cli.Connection;

/// <summary>
/// How meshctl reaches the mesh: the configuration section <c>OrleansMesh</c>, read as the silo reads it
/// (environment variables <c>OrleansMesh__GatewayPort</c> and so on).
/// </summary>
internal sealed class MeshConnectionOptions
{
    public const string SectionName = "OrleansMesh";

    public const string LocalhostClustering = "Localhost";

    /// <summary>The silo's Orleans gateway port. Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The Orleans cluster id. Default: <c>orleansmesh-dev</c>.</summary>
    public string ClusterId { get; set; } = "orleansmesh-dev";

    /// <summary>The Orleans service id. Default: <c>orleansmesh</c>.</summary>
    public string ServiceId { get; set; } = "orleansmesh";

    /// <summary>How the gateway is found; only <c>Localhost</c> for now. Default: <c>Localhost</c>.</summary>
    public string Clustering { get; set; } = LocalhostClustering;

    /// <summary>How long to keep trying to connect before giving up. Default: 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The address meshctl connects to, for messages.</summary>
    public string Endpoint => $"127.0.0.1:{GatewayPort}";

    /// <summary>Returns what is wrong with the options, with the variable to fix; null when they are valid.</summary>
    public string? Validate()
    {
        if (!string.Equals(Clustering, LocalhostClustering, StringComparison.OrdinalIgnoreCase))
        {
            return $"OrleansMesh__Clustering is '{Clustering}', but meshctl only supports '{LocalhostClustering}' clustering; unset it or set it to {LocalhostClustering}";
        }

        if (GatewayPort is < 1 or > 65535)
        {
            return $"OrleansMesh__GatewayPort is {GatewayPort}; it must be a port number from 1 to 65535";
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            return "OrleansMesh__ClusterId and OrleansMesh__ServiceId must not be empty";
        }

        return ConnectTimeout <= TimeSpan.Zero ? "OrleansMesh__ConnectTimeout must be positive, e.g. 00:00:05" : null;
    }
}
