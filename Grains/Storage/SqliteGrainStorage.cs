using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace OrleansMesh.Grains.Storage;

/// <summary>
/// Grain storage in one SQLite file: one row per (state name, grain), optimistic concurrency by ETag.
/// The file is opened in WAL mode so readers never wait for the writer; connections come from
/// Microsoft.Data.Sqlite's pool, which also retries while another connection holds the write lock.
/// </summary>
internal sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    // grain_type holds the state name Orleans passes (the parameter was called grainType before Orleans 7);
    // grain_id is the full GrainId, which names the grain type too.
    private const string CreateSql = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            state BLOB NOT NULL,
            etag TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        ) WITHOUT ROWID;
        """;

    private const string ReadSql = "SELECT state, etag FROM grain_state WHERE grain_type = $type AND grain_id = $id";
    private const string EtagSql = "SELECT etag FROM grain_state WHERE grain_type = $type AND grain_id = $id";
    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_id, state, etag) VALUES ($type, $id, $state, $etag)
        ON CONFLICT (grain_type, grain_id) DO NOTHING
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET state = $state, etag = $etag
        WHERE grain_type = $type AND grain_id = $id AND etag = $expected
        """;

    private const string DeleteSql = "DELETE FROM grain_state WHERE grain_type = $type AND grain_id = $id AND etag = $expected";

    private readonly string name;
    private readonly string connectionString;
    private readonly IGrainStorageSerializer serializer;
    private readonly ILogger<SqliteGrainStorage> logger;

    public SqliteGrainStorage(string name, string databasePath, IGrainStorageSerializer serializer, ILogger<SqliteGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(logger);
        this.name = name;
        DatabasePath = databasePath;
        this.serializer = serializer;
        this.logger = logger;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{name}", ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    /// <summary>Creates the directory, the file and the table if missing; fails with what to change if it cannot.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = CreateSql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new OrleansConfigurationException(
                $"SQLite grain storage '{name}' cannot create or write '{DatabasePath}': {e.Message} " +
                "Point the storage at a writable directory (OrleansMesh:DataDirectory for the silo).", e);
        }

        LogInitialized(logger, name, DatabasePath);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, ReadSql, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var bytes = (byte[])reader.GetValue(0);
        grainState.State = serializer.Deserialize<T>(BinaryData.FromBytes(bytes)) ?? grainState.State;
        grainState.ETag = reader.GetString(1);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var etag = Guid.NewGuid().ToString("N");
        var bytes = serializer.Serialize(grainState.State).ToArray();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, grainState.ETag is null ? InsertSql : UpdateSql, stateName, grainId);
        command.Parameters.AddWithValue("$state", bytes);
        command.Parameters.AddWithValue("$etag", etag);
        if (grainState.ETag is not null)
        {
            command.Parameters.AddWithValue("$expected", grainState.ETag);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw await ConflictAsync(connection, "write", stateName, grainId, grainState.ETag, cancellationToken);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await OpenAsync(cancellationToken);
        if (grainState.ETag is null)
        {
            // The grain believes there is no record: fine if so, a conflict if someone wrote one meanwhile.
            if (await StoredEtagAsync(connection, stateName, grainId, cancellationToken) is not null)
            {
                throw await ConflictAsync(connection, "clear", stateName, grainId, null, cancellationToken);
            }
        }
        else
        {
            await using var command = Command(connection, DeleteSql, stateName, grainId);
            command.Parameters.AddWithValue("$expected", grainState.ETag);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw await ConflictAsync(connection, "clear", stateName, grainId, grainState.ETag, cancellationToken);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        return command;
    }

    private static async Task<string?> StoredEtagAsync(SqliteConnection connection, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, EtagSql, stateName, grainId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection, string operation, string stateName, GrainId grainId, string? expected, CancellationToken cancellationToken)
    {
        var stored = await StoredEtagAsync(connection, stateName, grainId, cancellationToken);
        LogConflict(logger, operation, stateName, grainId, expected, stored);
        return new InconsistentStateException(
            $"SQLite grain storage '{name}': {operation} of {stateName} for {grainId} expected ETag '{expected ?? "(none)"}' but found '{stored ?? "(none)"}'.",
            stored ?? "",
            expected ?? "");
    }
}
