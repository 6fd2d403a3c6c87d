using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Writes queued <see cref="AccessLog"/> entries as JSON lines to standard output or a file, flushing when the queue
/// runs dry. On stop, what is queued is still written.
/// </summary>
internal sealed partial class AccessLogWriter(AccessLog log, IOptions<AccessLogOptions> options, ILogger<AccessLogWriter> logger) : IHostedService, IDisposable
{
    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (log.Enabled)
        {
            // Not tied to the token: even a writer stopped before it ran drains the queue.
            _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.Path;
        try
        {
            await using var stream = Open(path);
            await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
            try
            {
                while (await log.Reader.WaitToReadAsync(stoppingToken))
                {
                    await DrainAsync(stream, json);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: what is already queued is written below.
            }

            log.Complete();
            await DrainAsync(stream, json);
        }
        catch (IOException exception)
        {
            LogWriteFailed(exception, string.IsNullOrEmpty(path) ? "stdout" : path);
        }
    }

    private async Task DrainAsync(Stream stream, Utf8JsonWriter json)
    {
        while (log.Reader.TryRead(out var entry))
        {
            AccessLogJson.Write(json, entry);
            json.Flush();
            json.Reset();
            stream.Write(s_newLine);
        }

        await stream.FlushAsync();
    }

    private static Stream Open(string? path) =>
        string.IsNullOrEmpty(path) || path == "-"
            ? Console.OpenStandardOutput()
            : new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 64 * 1024, useAsync: false);
}
