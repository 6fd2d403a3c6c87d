using Microsoft.AspNetCore.Connections;

namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// A Kestrel connection middleware: Kestrel's HTTP/1.x parser reads the connection through
/// <see cref="FramingPipeReader"/>, so it only ever sees requests <see cref="Http1RequestFraming"/> accepted. When a
/// request head is refused, Kestrel sees the connection end after the requests before it, answers those, and this
/// middleware then answers the refused one itself (the mesh's JSON error, flag <c>DPE</c>) and closes the connection,
/// as RFC 9112 asks for a message whose framing cannot be trusted.
/// </summary>
internal sealed partial class FramingConnectionMiddleware
{
    private readonly ConnectionDelegate _next;
    private readonly int _maxHeadBytes;
    private readonly FramingMetrics _metrics;
    private readonly ILogger<FramingConnectionMiddleware> _logger;

    public FramingConnectionMiddleware(ConnectionDelegate next, int maxHeadBytes, FramingMetrics metrics, ILogger<FramingConnectionMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _next = next;
        _maxHeadBytes = maxHeadBytes;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var transport = connection.Transport;
        var framing = new Http1RequestFraming(_maxHeadBytes);
        var input = new FramingPipeReader(transport.Input, framing);
        var output = new FramingPipeWriter(transport.Output, framing.ResponseWatch);
        connection.Features.Set(new HttpFramingFeature(framing));
        connection.Transport = new FramedTransport(input, output);
        try
        {
            await _next(connection);
            if (input.EndedAtHeadViolation && framing.Violation is { } violation)
            {
                LogRefused(violation.Code, violation.Message, connection.ConnectionId);
                _metrics.Record(violation.Code);
                await transport.Output.WriteAsync(FramingAnswer.Raw(violation), connection.ConnectionClosed);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ConnectionResetException)
        {
            // The client is gone: there is no one to answer.
        }
        finally
        {
            connection.Transport = transport;
            if (output.Completed)
            {
                await transport.Output.CompleteAsync(output.CompletedWith);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a request head ({Code}: {Reason}) on connection {ConnectionId}; the connection is closed")]
    private partial void LogRefused(string code, string reason, string connectionId);
}
