namespace OrleansMesh.Silo.Hosting;

/// <summary>Defaults and allowed values of <see cref="MeshSiloOptions"/>.</summary>
internal static class MeshSiloDefaults
{
    public const string SqliteStorage = "Sqlite";
    public const string MemoryStorage = "Memory";
    public const string RedisStorage = "Redis";
    public const string DataDirectory = ".mesh";
    public const string DatabaseFile = "mesh.db";

    /// <summary>The address a Redis-clustered silo advertises when none is set: one machine, loopback only.</summary>
    public const string AdvertisedAddress = "127.0.0.1";

    /// <summary>Orleans' own failure detection: a killed silo is declared dead in about 10–60 s.</summary>
    public const string ProductionFailureDetection = "Production";

    /// <summary>Tight failure detection for dev and tests: a killed silo is declared dead in a few seconds.</summary>
    public const string FastFailureDetection = "Fast";

    public const string FailureDetection = ProductionFailureDetection;

    /// <summary>The silo's health endpoint: 200 once the silo is an active cluster member, 503 before and after.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Orleans' metrics (grain calls, activations, messaging) in Prometheus' text format, on the health listener.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The meter Orleans publishes its own metrics on.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The config grain's meter: config generation and connected gateways, on the silo hosting the grain.</summary>
    public const string ControlPlaneMeter = "OrleansMesh.ControlPlane";

    /// <summary>.NET's own process metrics (GC heap, working set, threads, CPU time), exported beside Orleans' and ours.</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>The OpenTelemetry service name of a silo.</summary>
    public const string ServiceName = "orleansmesh-silo";

    /// <summary>The silo's HTTP listener (health and metrics) when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string HealthUrl = "http://127.0.0.1:15021";

    /// <summary>Grain storage providers this build supports.</summary>
    public static readonly string[] StorageValues = [SqliteStorage, MemoryStorage, RedisStorage];

    /// <summary>Failure-detection presets this build supports.</summary>
    public static readonly string[] FailureDetectionValues = [ProductionFailureDetection, FastFailureDetection];
}
