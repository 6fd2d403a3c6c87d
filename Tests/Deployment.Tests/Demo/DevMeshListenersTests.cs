using System.Globalization;
using System.Net;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Silo.Dev;

namespace OrleansMesh.Deployment.Tests.Demo;

/// <summary>
/// Issue 11: <c>dotnet run --project Silo -- dev</c> (the built silo with <c>dev --no-demo</c>, on free ports) answers
/// the gateway's admin endpoints and the silo's health and metrics on listeners of their own, and says where.
/// </summary>
public sealed class DevMeshListenersTests
{
    [Fact]
    public async Task DevMesh_Started_AdminAndSiloListenersAnswerAndBannerNamesThem()
    {
        var (proxy, admin, silo) = (Url(FreePorts.Next()), Url(FreePorts.Next()), Url(FreePorts.Next()));
        using var data = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = proxy,
            ["OrleansMesh__Gateway__AdminUrls"] = admin,
            ["OrleansMesh__Dev__SiloUrl"] = silo,
            ["OrleansMesh__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["OrleansMesh__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["OrleansMesh__DataDirectory"] = data.Path,
        };
        await using var mesh = MeshProcess.Start("dev-mesh", RepositoryFiles.Output("Silo", "OrleansMesh.Silo"), environment, "dev", DevMesh.NoDemoFlag);

        await mesh.WaitUntilHealthyAsync(new Uri(silo + "/healthz"), TimeSpan.FromSeconds(60));
        await mesh.WaitUntilHealthyAsync(new Uri(admin + "/healthz/ready"), TimeSpan.FromSeconds(30));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(admin + "/healthz/live")).StatusCode);
        Assert.Contains("orleansmesh_gateway_config_generation", await http.GetStringAsync(admin + "/metrics"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(silo + "/metrics")).StatusCode);

        // The proxy port routes through the mesh: its /healthz is not the silo's.
        Assert.NotEqual(HttpStatusCode.OK, (await http.GetAsync(proxy + "/healthz")).StatusCode);
        await WaitForBannerAsync(mesh, $"silo           {silo}  (/healthz, /metrics)");
        Assert.Contains($"gateway admin  {admin}  (/healthz/live, /healthz/ready, /metrics)", mesh.Output, StringComparison.Ordinal);
    }

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    private static async Task WaitForBannerAsync(MeshProcess mesh, string line)
    {
        for (var i = 0; i < 100 && !mesh.Output.Contains(line, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(mesh.Output.Contains(line, StringComparison.Ordinal), mesh.Output);
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("orleansmesh-dev-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
