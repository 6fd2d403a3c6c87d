using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OrleansMesh.Benchmarks.Concurrency;

/// <summary>
/// A model server that streams: every POST answers <c>text/event-stream</c> with one OpenAI-style chunk every
/// <c>--interval-ms</c> (50) until <c>max_tokens</c> chunks, then <c>data: [DONE]</c>. Each chunk carries the
/// monotonic timestamp (<see cref="Stopwatch.GetTimestamp"/>, CLOCK_MONOTONIC: the same clock in every process on
/// the machine) at which it was written, so a client can tell how long each token took to reach it.
/// </summary>
internal static class SseBackend
{
    public static async Task<int> RunAsync(string[] args)
    {
        var interval = TimeSpan.FromMilliseconds(Option(args, "--interval-ms", 50));
        var http1Port = Option(args, "--http1-port", 0);
        var h2cPort = Option(args, "--h2c-port", 0);
        var h2Streams = Option(args, "--h2-streams", 1000);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.Limits.Http2.MaxStreamsPerConnection = h2Streams;
            kestrel.Limits.MinResponseDataRate = null;
            // Loopback only: HTTP/1.1 for clients, and HTTP/2 with prior knowledge (h2c) for a gateway whose
            // ServiceEntry port says HTTP2, so that 10,000 streams need no 10,000 upstream sockets in the gateway.
            if (http1Port > 0)
            {
                kestrel.Listen(IPAddress.Loopback, http1Port, endpoint => endpoint.Protocols = HttpProtocols.Http1);
            }
            if (h2cPort > 0)
            {
                kestrel.Listen(IPAddress.Loopback, h2cPort, endpoint => endpoint.Protocols = HttpProtocols.Http2);
            }
        });
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", (HttpContext context) => StreamAsync(context, interval));
        await app.RunAsync();
        return 0;
    }

    private static async Task StreamAsync(HttpContext context, TimeSpan interval)
    {
        var tokens = await MaxTokensAsync(context.Request);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(context.RequestAborted);
        var buffer = new byte[256];
        using var timer = new PeriodicTimer(interval);
        try
        {
            for (var i = 0; i < tokens; i++)
            {
                await timer.WaitForNextTickAsync(context.RequestAborted);
                var length = Chunk(buffer, i, Stopwatch.GetTimestamp());
                await response.Body.WriteAsync(buffer.AsMemory(0, length), context.RequestAborted);
            }
            await response.Body.WriteAsync("data: [DONE]\n\n"u8.ToArray(), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client left.
        }
    }

    private static int Chunk(byte[] buffer, int index, long timestamp)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"data: {{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"model\":\"bench-model\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"tok\"}}}}],\"i\":{index},\"t\":{timestamp}}}\n\n");
        return Encoding.ASCII.GetBytes(text, buffer);
    }

    // The request body's max_tokens (default 100); a benchmark backend, so a plain search is enough.
    private static async Task<int> MaxTokensAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var at = body.IndexOf("\"max_tokens\":", StringComparison.Ordinal);
        if (at < 0)
        {
            return 100;
        }
        var digits = new string(body[(at + 13)..].TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, CultureInfo.InvariantCulture, out var tokens) ? tokens : 100;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
