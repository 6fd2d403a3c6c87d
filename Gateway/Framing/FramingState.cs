namespace OrleansMesh.Gateway.Framing;

/// <summary>Where <see cref="Http1RequestFraming"/> is in a connection's byte stream.</summary>
internal enum FramingState
{
    /// <summary>Nothing seen yet: TLS and HTTP/2 prior knowledge are told from HTTP/1.x here.</summary>
    Start,

    /// <summary>A request head (or the empty lines before one).</summary>
    Head,

    /// <summary>A body of known length.</summary>
    Body,

    ChunkSize,
    ChunkSizeSpace,
    ChunkExtension,
    ChunkSizeLf,
    ChunkData,
    ChunkDataCr,
    ChunkDataLf,
    TrailerLineStart,
    TrailerName,
    TrailerValue,
    TrailerLf,
    TrailerEndLf,

    /// <summary>An upgrade request went to the server; its response tells whether HTTP/1.x goes on.</summary>
    AwaitingUpgradeResponse,

    /// <summary>Not HTTP/1.x (anymore): TLS, HTTP/2, or a protocol switched to.</summary>
    PassThrough,

    /// <summary>A violation was found; nothing more goes to the server.</summary>
    Failed,
}
