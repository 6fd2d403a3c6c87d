using Microsoft.Extensions.Logging;

namespace OrleansMesh.Grains.Storage;

internal sealed partial class SqliteGrainStorage
{
    [LoggerMessage(1, LogLevel.Information, "SQLite grain storage {Name} uses {Path}")]
    private static partial void LogInitialized(ILogger logger, string name, string path);

    [LoggerMessage(2, LogLevel.Warning, "SQLite {Operation} of {StateName} for {GrainId} refused: expected ETag {Expected}, stored {Stored}")]
    private static partial void LogConflict(ILogger logger, string operation, string stateName, GrainId grainId, string? expected, string? stored);
}
