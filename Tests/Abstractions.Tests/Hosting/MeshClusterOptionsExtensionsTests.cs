using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansMesh.Hosting;

namespace OrleansMesh.Abstractions.Tests.Hosting;

public sealed class MeshClusterOptionsExtensionsTests
{
    [Fact]
    public void GetMeshClusterOptions_NoSection_ReturnsDefaults()
    {
        var options = Settings().GetMeshClusterOptions();

        Assert.Equal(("Localhost", "orleansmesh-dev", "orleansmesh", 11111, 30000), (options.Clustering, options.ClusterId, options.ServiceId, options.SiloPort, options.GatewayPort));
    }

    [Fact]
    public void GetMeshClusterOptions_Settings_BindsThemFromTheOrleansMeshSection()
    {
        var options = Settings(("GatewayPort", "30100"), ("SiloPort", "11200"), ("ClusterId", "blue"), ("ServiceId", "mesh-b")).GetMeshClusterOptions();

        Assert.Equal(("blue", "mesh-b", 11200, 30100), (options.ClusterId, options.ServiceId, options.SiloPort, options.GatewayPort));
    }

    [Fact]
    public void GetMeshClusterOptions_Invalid_ThrowsListingEveryFailure()
    {
        var configuration = Settings(("Clustering", "Consul"), ("ClusterId", ""));

        var error = Assert.Throws<OptionsValidationException>(() => configuration.GetMeshClusterOptions());

        Assert.Equal(typeof(MeshClusterOptions), error.OptionsType);
        Assert.Equal(
            ["OrleansMesh:Clustering is 'Consul'; allowed values: Localhost, Redis, Kubernetes", "OrleansMesh:ClusterId is empty; set it (default: 'orleansmesh-dev')"],
            error.Failures);
    }

    [Fact]
    public void GetMeshClusterOptions_PortNotANumber_ThrowsNamingTheKey()
    {
        var configuration = Settings(("GatewayPort", "thirty"));

        var error = Assert.Throws<InvalidOperationException>(() => configuration.GetMeshClusterOptions());

        Assert.Contains("OrleansMesh:GatewayPort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMeshClusterOptions_Settings_ResolvesBoundOptions()
    {
        using var services = Services(Settings(("GatewayPort", "30100")));

        var options = services.GetRequiredService<IOptions<MeshClusterOptions>>().Value;

        Assert.Equal(30100, options.GatewayPort);
    }

    [Fact]
    public void AddMeshClusterOptions_InvalidSetting_FailsWithTheValidatorsMessage()
    {
        using var services = Services(Settings(("Clustering", "Consul")));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MeshClusterOptions>>().Value);

        Assert.Equal(["OrleansMesh:Clustering is 'Consul'; allowed values: Localhost, Redis, Kubernetes"], error.Failures);
    }

    private static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddMeshClusterOptions();
        return services.BuildServiceProvider();
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"OrleansMesh:{s.Key}", s.Value)))
            .Build();
}
