using Microsoft.Extensions.Options;
using OrleansMesh.Gateway.Hosting;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Silo.Hosting;

namespace OrleansMesh.Silo.Dev;

/// <summary>
/// The dev mesh's listeners, all in one process: the gateway's proxy (<c>ASPNETCORE_URLS</c>, default :8080), its admin
/// listener (<c>OrleansMesh__Gateway__AdminUrls</c>, default :15020) and the silo's health and metrics listener
/// (<see cref="SiloUrlKey"/>, default :15021), the ports a production-style silo and gateway use.
/// </summary>
internal sealed record DevMeshListeners(string Proxy, string Admin, string Silo)
{
    /// <summary>The dev mesh's silo listener; a standalone silo takes <c>ASPNETCORE_URLS</c> instead.</summary>
    public const string SiloUrlKey = "OrleansMesh:Dev:SiloUrl";

    public int SiloPort => BindingAddress.Parse(Silo).Port;

    /// <summary>The dashboard's address on the silo listener.</summary>
    public string Dashboard => $"{Silo.TrimEnd('/')}{(global::OrleansMesh.Silo.Dashboard.DashboardDefaults.BasePath)}/";

    /// <summary>Reads the listeners from <paramref name="configuration"/>, refusing a silo URL without a port of its own.</summary>
    public static DevMeshListeners From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxy = First(configuration[WebHostDefaults.ServerUrlsKey]) ?? MeshGatewayOptions.DefaultUrl;
        var admin = First(configuration[$"{MeshGatewayAdminOptions.SectionName}:{nameof(MeshGatewayAdminOptions.AdminUrls)}"]) ?? MeshGatewayAdminOptions.DefaultAdminUrl;
        var silo = configuration[SiloUrlKey] is { Length: > 0 } url ? url.Trim() : MeshSiloDefaults.HealthUrl;
        var listeners = new DevMeshListeners(proxy, admin, silo);
        int port;
        try
        {
            port = listeners.SiloPort;
        }
        catch (FormatException)
        {
            port = 0;
        }

        if (port <= 0 || port == Port(proxy) || port == Port(admin))
        {
            throw new OptionsValidationException(SiloUrlKey, typeof(DevMeshListeners),
                [$"{SiloUrlKey} is '{silo}'; use a listen URL with a port of its own (not the proxy's or the admin listener's), e.g. {MeshSiloDefaults.HealthUrl}"]);
        }

        return listeners;
    }

    private static string? First(string? urls) =>
        urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static int Port(string url)
    {
        try
        {
            return BindingAddress.Parse(url).Port;
        }
        catch (FormatException)
        {
            return -1;
        }
    }
}
