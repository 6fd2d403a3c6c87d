using System.Globalization;
using OrleansMesh.Silo.Hosting;

namespace OrleansMesh.Deployment.Tests.Processes;

/// <summary>A silo process (the built <c>OrleansMesh.Silo</c>) on free ports, with fast failure detection unless told otherwise.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private SiloProcess(MeshProcess process, int siloPort, int gatewayPort, Uri health)
    {
        Process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Health = health;
    }

    public MeshProcess Process { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri Health { get; }

    /// <summary>Starts a silo of <paramref name="cluster"/> and waits until it is an active member (its health endpoint says so).</summary>
    public static Task<SiloProcess> StartAsync(ClusterSettings cluster, string name = "silo") => StartAsync(cluster.Environment(), name);

    /// <summary>
    /// Starts a silo with <paramref name="environment"/>'s <c>OrleansMesh__*</c> settings (free ports, its health URL
    /// and, unless the environment names a preset, fast failure detection added) and waits until it is an active member.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(Dictionary<string, string> environment, string name)
    {
        var silo = Launch(environment, name);
        try
        {
            await silo.Process.WaitUntilHealthyAsync(silo.Health, StartTimeout);
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    /// <summary>Starts a silo as <see cref="StartAsync(Dictionary{string, string}, string)"/> does, without waiting for anything.</summary>
    public static SiloProcess Launch(Dictionary<string, string> environment, string name)
    {
        var (siloPort, gatewayPort, httpPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        environment["OrleansMesh__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        environment["OrleansMesh__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        environment.TryAdd("OrleansMesh__FailureDetection", MeshSiloDefaults.FastFailureDetection);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        var process = MeshProcess.Start(name, RepositoryFiles.Output("Silo", "OrleansMesh.Silo"), environment);
        return new SiloProcess(process, siloPort, gatewayPort, new Uri($"http://127.0.0.1:{httpPort}{MeshSiloDefaults.HealthPath}"));
    }

    /// <summary>Waits until the silo is an active member (its health endpoint says so).</summary>
    public Task WaitUntilActiveAsync() => Process.WaitUntilHealthyAsync(Health, StartTimeout);

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
