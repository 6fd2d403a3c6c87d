using System.Net;
using System.Text;

namespace OrleansMesh.Benchmarks.Streaming;

/// <summary>
/// Sends streamed chat completions to one base address over its own pooled connection and times each from just
/// before the request is sent to the first <c>data:</c> line read, then drains the rest so the connection is reused.
/// </summary>
internal sealed class TtftProbe : IDisposable
{
    private readonly HttpClient _client;
    private readonly string? _host;
    private readonly (string Name, string Value)[] _headers;
    private readonly TimeProvider _time = TimeProvider.System;

    public TtftProbe(Uri address, string? host, (string Name, string Value)[] headers)
    {
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        _host = host;
        _headers = headers;
    }

    /// <summary>Time to the first event, in milliseconds.</summary>
    public async Task<double> MeasureAsync(int maxTokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(
                $$"""{"model":"chat-model","stream":true,"max_tokens":{{maxTokens}},"messages":[{"role":"user","content":"how fast is the first token"}]}""",
                Encoding.UTF8,
                "application/json"),
        };
        if (_host is not null)
        {
            request.Headers.Host = _host;
        }

        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var started = _time.GetTimestamp();
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var line = await reader.ReadLineAsync();
        var elapsed = _time.GetElapsedTime(started);
        if (line is null || !line.StartsWith("data:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"expected a data: event first, got '{line}'");
        }

        await reader.ReadToEndAsync();
        return elapsed.TotalMilliseconds;
    }

    public void Dispose() => _client.Dispose();
}
