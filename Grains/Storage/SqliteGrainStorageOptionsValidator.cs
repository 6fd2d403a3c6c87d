namespace OrleansMesh.Grains.Storage;

/// <summary>Checks <see cref="SqliteGrainStorageOptions"/> when the silo starts.</summary>
internal sealed class SqliteGrainStorageOptionsValidator(SqliteGrainStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.DataSource))
        {
            throw new OrleansConfigurationException(
                $"SQLite grain storage '{name}': {nameof(SqliteGrainStorageOptions.DataSource)} is empty. " +
                $"Set it to the database file, e.g. '{SqliteGrainStorageOptions.DefaultDataSource}'.");
        }
    }
}
