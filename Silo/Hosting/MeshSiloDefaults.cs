namespace OrleansMesh.Silo.Hosting;

/// <summary>Defaults and allowed values of <see cref="MeshSiloOptions"/>.</summary>
internal static class MeshSiloDefaults
{
    public const string Storage = SqliteStorage;
    public const string SqliteStorage = "Sqlite";
    public const string MemoryStorage = "Memory";
    public const string DataDirectory = ".mesh";
    public const string DatabaseFile = "mesh.db";

    /// <summary>Grain storage providers this build supports.</summary>
    public static readonly string[] StorageValues = [SqliteStorage, MemoryStorage];
}
