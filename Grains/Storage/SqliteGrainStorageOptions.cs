using Orleans.Storage;

namespace OrleansMesh.Grains.Storage;

/// <summary>Options of the SQLite grain storage provider.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The default <see cref="DataSource"/>.</summary>
    public const string DefaultDataSource = "./.mesh/mesh.db";

    /// <summary>
    /// The database file. A relative path is resolved against the host's content root; its directory is
    /// created on silo start. Default: <c>./.mesh/mesh.db</c>.
    /// </summary>
    public string DataSource { get; set; } = DefaultDataSource;

    /// <summary>
    /// How grain state is turned into bytes. Default: Orleans' own serializer
    /// (<see cref="OrleansGrainStorageSerializer"/>), so <c>[GenerateSerializer]</c> state types need no JSON contract.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
