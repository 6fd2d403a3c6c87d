namespace OrleansMesh.ModelServer.Tests.Streaming;

/// <summary>Reads server-sent events one at a time, as a client sees them arrive.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private const string DataPrefix = "data: ";
    private readonly StreamReader reader = new(stream);

    /// <summary>The payload of the next <c>data:</c> event, or null at the end of the stream.</summary>
    public async Task<string?> ReadDataAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken).AsTask().WaitAsync(Requests.Guard, cancellationToken);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                continue;
            }

            Assert.StartsWith(DataPrefix, line, StringComparison.Ordinal);
            return line[DataPrefix.Length..];
        }
    }

    public void Dispose() => reader.Dispose();
}
