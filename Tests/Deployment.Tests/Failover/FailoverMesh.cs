using System.Net;
using System.Net.Sockets;
using OrleansMesh.ControlPlane;
using OrleansMesh.Deployment.Tests.FaultTolerance;
using OrleansMesh.Deployment.Tests.Processes;
using OrleansMesh.Silo.Hosting;
using StackExchange.Redis;

namespace OrleansMesh.Deployment.Tests.Failover;

/// <summary>
/// Silos with <c>Production</c> failure detection (Orleans' defaults), gateways with their default settings and one
/// model server, each its own process on Redis; the config is <see cref="FaultMeshConfig"/>'s, whose route stamps its
/// revision on every response.
/// </summary>
internal sealed class FailoverMesh : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private FailoverMesh(ClusterSettings cluster, ConnectionMultiplexer redis, ModelServerProcess model)
    {
        Cluster = cluster;
        _redis = redis;
        Model = model;
        Membership = new MembershipTable(redis, cluster);
    }

    public ClusterSettings Cluster { get; }

    /// <summary>
    /// For diagnosis: the level of Orleans' own log in every silo (e.g. <c>Information</c>), and the tests print the
    /// surviving silo's last lines.
    /// </summary>
    public const string SiloLogVariable = "ORLEANSMESH_FAILOVER_SILO_LOG";

    public MembershipTable Membership { get; }

    public ModelServerProcess Model { get; }

    public List<SiloProcess> Silos { get; } = [];

    public List<GatewayProcess> Gateways { get; } = [];

    public static async Task<FailoverMesh> StartAsync(string redis, int silos, int gateways)
    {
        var cluster = ClusterSettings.NewCluster(redis);
        var model = ModelServerProcess.StartAsync(FaultMeshConfig.Host, "v1");
        var connection = ConnectionMultiplexer.ConnectAsync(redis);
        var mesh = new FailoverMesh(cluster, await connection, await model);
        try
        {
            mesh.Silos.AddRange(await Task.WhenAll(Enumerable.Range(0, silos).Select(i => SiloProcess.StartAsync(mesh.SiloEnvironment(), $"silo-{i}"))));
            await using (var client = await ClusterClient.ConnectAsync(cluster))
            {
                await mesh.ApplyAsync(client, mesh.Revision(1), TimeSpan.FromSeconds(30));
            }

            mesh.Gateways.AddRange(await Task.WhenAll(Enumerable.Range(0, gateways).Select(_ => GatewayProcess.StartAsync(cluster.Environment()))));
            return mesh;
        }
        catch
        {
            await mesh.DisposeAsync();
            throw;
        }
    }

    /// <summary>A silo's settings: the cluster's, and Orleans' own failure detection.</summary>
    public Dictionary<string, string> SiloEnvironment()
    {
        var environment = Cluster.Environment();
        environment["OrleansMesh__FailureDetection"] = MeshSiloDefaults.ProductionFailureDetection;

        // Timestamps, so a silo's log (kept for failure messages) lines up with the test's timeline.
        environment["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ";
        if (Environment.GetEnvironmentVariable(SiloLogVariable) is { Length: > 0 } level)
        {
            environment["Logging__LogLevel__Orleans."] = level;
        }

        return environment;
    }

    public string Revision(int n) => $"rev-{n}-{Cluster.ClusterId}";

    public ApplyRequest Request(string revision) => FaultMeshConfig.Request(revision, [Model.Port]);

    /// <summary>
    /// Applies <paramref name="revision"/> through <paramref name="client"/>, each attempt bounded by
    /// <paramref name="attemptTimeout"/> (default 5 s), until the control plane accepts it.
    /// </summary>
    public async Task ApplyAsync(ClusterClient client, string revision, TimeSpan within, FailoverTimeline? timeline = null, TimeSpan? attemptTimeout = null)
    {
        using var deadline = new CancellationTokenSource(within);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(Request(revision)).WaitAsync(attemptTimeout ?? TimeSpan.FromSeconds(5), deadline.Token);
                Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not Xunit.Sdk.XunitException)
            {
                timeline?.Mark($"apply attempt {attempt} failed: {e.GetType().Name}");
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="revision"/> as a user retrying at once would: a new attempt every
    /// <paramref name="every"/> while none has been accepted (an attempt sent to the config grain's activation on a
    /// silo that was just killed never answers), the first accepted one wins.
    /// </summary>
    public async Task ApplyHedgedAsync(ClusterClient client, string revision, TimeSpan every, TimeSpan within, FailoverTimeline timeline)
    {
        using var deadline = new CancellationTokenSource(within);
        var attempts = new List<Task<ConfigResult>>();
        for (var attempt = 1; ; attempt++)
        {
            attempts.Add(client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).ApplyAsync(Request(revision)));
            var next = Task.Delay(every, deadline.Token);
            while (true)
            {
                var done = await Task.WhenAny([.. attempts, next]);
                if (done == next)
                {
                    break;
                }

                var finished = (Task<ConfigResult>)done;
                attempts.Remove(finished);
                if (finished.IsCompletedSuccessfully)
                {
                    Assert.True(finished.Result.Succeeded, string.Join(Environment.NewLine, finished.Result.Diagnostics));
                    foreach (var abandoned in attempts)
                    {
                        _ = abandoned.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                    }

                    return;
                }

                timeline.Mark($"an apply attempt failed: {finished.Exception?.GetBaseException().GetType().Name}");
            }

            deadline.Token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The silo holding the config grain.</summary>
    public async Task<SiloProcess> ConfigGrainSiloAsync(ClusterClient client)
    {
        var config = client.Client.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);
        await config.GetSnapshotAsync();
        var address = await client.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(config);
        return Silos.Single(s => address is not null && s.SiloPort == address.Endpoint.Port);
    }

    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/> now.</summary>
    public static async Task<bool> IsListeningAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            await gateway.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        await Model.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
