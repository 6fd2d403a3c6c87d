using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OrleansMesh.Hosting;

/// <summary>Checks <see cref="MeshClusterOptions"/>, naming each wrong setting and what it may be.</summary>
public sealed class MeshClusterOptionsValidator : IValidateOptions<MeshClusterOptions>
{
    /// <summary>Returns every problem of <paramref name="options"/> at once, so one run shows all there is to fix.</summary>
    public ValidateOptionsResult Validate(string? name, MeshClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!MeshClusterDefaults.ClusteringValues.Contains(options.Clustering, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Key(nameof(options.Clustering))} is '{options.Clustering}'; allowed values: {string.Join(", ", MeshClusterDefaults.ClusteringValues)}");
        }

        Redis(failures, options);
        Port(failures, nameof(options.SiloPort), options.SiloPort);
        Port(failures, nameof(options.GatewayPort), options.GatewayPort);
        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"{Key(nameof(options.SiloPort))} and {Key(nameof(options.GatewayPort))} are both {options.SiloPort}; give them different ports");
        }

        NotEmpty(failures, nameof(options.ClusterId), options.ClusterId, MeshClusterDefaults.ClusterId);
        NotEmpty(failures, nameof(options.ServiceId), options.ServiceId, MeshClusterDefaults.ServiceId);
        Tls(failures, options.Tls);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string setting) => $"{MeshClusterOptions.SectionName}:{setting}";

    private static void Redis(List<string> failures, MeshClusterOptions options)
    {
        var needed = options.UsesRedis();
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            if (needed)
            {
                failures.Add($"{Key(nameof(options.Redis))} is empty; {Key(nameof(options.Clustering))} '{options.Clustering}' keeps membership and grain state in Redis: set a StackExchange.Redis connection string, e.g. OrleansMesh__Redis=127.0.0.1:6379");
            }

            return;
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.Redis);
            if (parsed.EndPoints.Count == 0)
            {
                failures.Add($"{Key(nameof(options.Redis))} '{options.Redis}' names no Redis endpoint; use host:port, e.g. 127.0.0.1:6379");
            }
        }
        catch (ArgumentException e)
        {
            failures.Add($"{Key(nameof(options.Redis))} is not a StackExchange.Redis connection string ({e.Message}); use host:port[,option=value…], e.g. 127.0.0.1:6379");
        }
    }

    // Loading is the check: a file that exists but holds no certificate or key fails here, at start, not at the first connection.
    private static void Tls(List<string> failures, MeshTransportTlsOptions tls)
    {
        if (!tls.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(tls.Key) || !string.IsNullOrWhiteSpace(tls.TrustBundle))
            {
                failures.Add($"{Key(MeshTransportTlsOptions.SectionName)}:{nameof(tls.Key)} or :{nameof(tls.TrustBundle)} is set but {Key(MeshTransportTlsOptions.SectionName)}:{nameof(tls.Certificate)} is not; set the certificate to turn TLS on, or remove the others");
            }

            return;
        }

        try
        {
            using var certificate = MeshTransportTls.LoadCertificate(tls);
            if (!certificate.HasPrivateKey)
            {
                failures.Add($"{Key(MeshTransportTlsOptions.SectionName)}:{nameof(tls.Certificate)} '{tls.Certificate}' has no private key; set {Key(MeshTransportTlsOptions.SectionName)}:{nameof(tls.Key)}");
            }
        }
        catch (InvalidOperationException e)
        {
            failures.Add(e.Message);
        }

        try
        {
            MeshTransportTls.LoadTrustBundle(tls);
        }
        catch (InvalidOperationException e)
        {
            failures.Add(e.Message);
        }
    }

    private static void Port(List<string> failures, string setting, int value)
    {
        if (value is < 1 or > 65535)
        {
            failures.Add($"{Key(setting)} is {value}; use a port from 1 to 65535");
        }
    }

    private static void NotEmpty(List<string> failures, string setting, string? value, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Key(setting)} is empty; set it (default: '{example}')");
        }
    }
}
