namespace OrleansMesh.Silo.Hosting;

/// <summary>Defaults and allowed values of <see cref="MeshSiloOptions"/>.</summary>
internal static class MeshSiloDefaults
{
    public const string SectionName = "OrleansMesh";
    public const string Clustering = LocalhostClustering;
    public const string LocalhostClustering = "Localhost";
    public const string Storage = SqliteStorage;
    public const string SqliteStorage = "Sqlite";
    public const string MemoryStorage = "Memory";
    public const string DataDirectory = ".mesh";
    public const string DatabaseFile = "mesh.db";
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
    public const string ClusterId = "orleansmesh-dev";
    public const string ServiceId = "orleansmesh";

    /// <summary>Clustering providers this build supports; Redis and Kubernetes come later.</summary>
    public static readonly string[] ClusteringValues = [LocalhostClustering];

    /// <summary>Grain storage providers this build supports.</summary>
    public static readonly string[] StorageValues = [SqliteStorage, MemoryStorage];
}
