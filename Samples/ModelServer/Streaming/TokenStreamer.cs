using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using OrleansMesh.Samples.ModelServer.Engine;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Samples.ModelServer.Streaming;

/// <summary>
/// Streams an answer as server-sent events, one flushed event per token with <see cref="ModelServerOptions.TokenDelayMs"/>
/// between them, then the final chunk and <c>data: [DONE]</c>. Stops as soon as the client disconnects, and when the
/// host stops, so a long stream never holds up the shutdown of the dev mesh or a test.
/// </summary>
internal sealed partial class TokenStreamer
{
    private readonly TimeSpan tokenDelay;
    private readonly TimeProvider time;
    private readonly StreamingCounters counters;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<TokenStreamer> logger;

    public TokenStreamer(
        ModelServerOptions options,
        TimeProvider time,
        StreamingCounters counters,
        IHostApplicationLifetime lifetime,
        ILogger<TokenStreamer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(lifetime);
        ArgumentNullException.ThrowIfNull(logger);
        tokenDelay = TimeSpan.FromMilliseconds(options.TokenDelayMs);
        this.time = time;
        this.counters = counters;
        this.lifetime = lifetime;
        this.logger = logger;
    }

    /// <summary>
    /// Streams <paramref name="source"/>; with a simulated engine's <paramref name="lease"/> the first token waits for its
    /// prefill and each later one for a decode step at the current batch size, instead of the fixed token delay.
    /// </summary>
    public async Task StreamAsync<TChunk>(HttpContext context, IChunkSource<TChunk> source, JsonTypeInfo<TChunk> typeInfo, EngineLease? lease = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(source);
        var response = context.Response;
        response.ContentType = ServerSentEvents.ContentType;
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellation = stop.Token;
        var pipe = response.BodyWriter;
        using var json = new Utf8JsonWriter(pipe);
        counters.OnStarted();
        var sent = 0;
        try
        {
            await response.StartAsync(cancellation);
            for (; sent < source.TokenCount; sent++)
            {
                if (lease is not null)
                {
                    await EngineGeneration.DelayAsync(sent == 0 ? lease.FirstTokenDelay : lease.NextTokenDelay(), time, cancellation);
                }
                else if (sent > 0 && tokenDelay > TimeSpan.Zero)
                {
                    await Task.Delay(tokenDelay, time, cancellation);
                }

                ServerSentEvents.WriteData(pipe, json, source.TokenChunk(sent), typeInfo);
                if (!await FlushAsync(pipe, cancellation))
                {
                    Cancelled(sent);
                    return;
                }
            }

            ServerSentEvents.WriteData(pipe, json, source.FinalChunk(), typeInfo);
            ServerSentEvents.WriteDone(pipe);

            // Everything is handed to the transport: a client closing right after [DONE] still counts as completed.
            await pipe.FlushAsync(cancellation);
            counters.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Cancelled(sent);
        }
    }

    private static async ValueTask<bool> FlushAsync(PipeWriter pipe, CancellationToken cancellation)
    {
        var result = await pipe.FlushAsync(cancellation);
        return !result.IsCanceled && !result.IsCompleted && !cancellation.IsCancellationRequested;
    }

    private void Cancelled(int sent)
    {
        counters.OnCancelled();
        LogStreamCancelled(sent);
    }
}
