using System.Text;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Samples.ModelServer.Ledger;

/// <summary>
/// Appends the <c>x-request-id</c> of every request the server receives to a file, one per line, written through
/// to the OS at once: a chaos test kills servers with SIGKILL and still counts, by id, what each one received
/// (was a request the mesh answered 200 lost, or sent to a model twice?). Off unless <c>--request-log</c> names a file.
/// </summary>
internal sealed class RequestLedger : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream? _file;

    public RequestLedger(ModelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RequestLog is { Length: > 0 } path)
        {
            _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        }
    }

    public bool IsEnabled => _file is not null;

    public void Record(string? requestId)
    {
        if (_file is null || string.IsNullOrEmpty(requestId))
        {
            return;
        }

        var line = Encoding.UTF8.GetBytes(requestId + "\n");
        lock (_gate)
        {
            // One write per line: a SIGKILL loses at most what is not yet written, never half a line.
            _file.Write(line);
            _file.Flush();
        }
    }

    public void Dispose() => _file?.Dispose();
}
