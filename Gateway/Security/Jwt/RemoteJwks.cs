using Microsoft.IdentityModel.Tokens;

namespace OrleansMesh.Gateway.Security.Jwt;

/// <summary>
/// Keys fetched from a <c>jwksUri</c>. Fetches are coalesced (one in flight at a time), bounded by a timeout and
/// never fatal: a failed fetch keeps the last good keys. Keys older than the refresh interval are fetched again in
/// the background, so the request path waits only for the very first fetch or for a rate-limited unknown-kid refresh.
/// </summary>
internal sealed partial class RemoteJwks : IJwksSource
{
    private readonly Uri _uri;
    private readonly TimeSpan _timeout;
    private readonly HttpClient _client;
    private readonly MeshSecurityOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile IReadOnlyList<JsonWebKey>? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _lastUnknownKeyRefresh;
    private Task<IReadOnlyList<JsonWebKey>>? _inflight;

    public RemoteJwks(Uri uri, TimeSpan timeout, HttpClient client, MeshSecurityOptions options, TimeProvider time, ILogger logger)
    {
        _uri = uri;
        _timeout = timeout;
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Number of fetches started (for tests and diagnostics).</summary>
    public int FetchCount { get; private set; }

    public async ValueTask<IReadOnlyList<JsonWebKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } keys)
        {
            if (_time.GetUtcNow() - _fetchedAt >= _options.JwksRefreshInterval)
            {
                _ = Refresh();
            }

            return keys;
        }

        Task<IReadOnlyList<JsonWebKey>> first;
        lock (_gate)
        {
            // The first fetch may have landed since the check above: then it is not fetched again.
            first = _keys is { } landed ? Task.FromResult(landed) : Refresh();
        }

        return await first.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<JsonWebKey>> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<JsonWebKey>> refresh;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_inflight is { IsCompleted: false } running)
            {
                // A fetch is already on its way (the first one, or a scheduled refresh): shared, and the rate-limit
                // window is not spent on it, since it may have left before the issuer rotated.
                refresh = running;
            }
            else if (_lastUnknownKeyRefresh is { } last && now - last < _options.JwksMinRefreshInterval)
            {
                return _keys ?? [];
            }
            else
            {
                _lastUnknownKeyRefresh = now;
                refresh = Refresh();
            }
        }

        return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a fetch unless one is in flight; the task never faults.</summary>
    public Task<IReadOnlyList<JsonWebKey>> Refresh()
    {
        lock (_gate)
        {
            if (_inflight is { IsCompleted: false } running)
            {
                return running;
            }

            FetchCount++;
            _inflight = FetchAsync();
            return _inflight;
        }
    }

    private async Task<IReadOnlyList<JsonWebKey>> FetchAsync()
    {
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(_timeout, _time);
            using var response = await _client.GetAsync(_uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > _options.MaxJwksBytes)
            {
                throw new InvalidDataException($"the key set is larger than {_options.MaxJwksBytes} bytes");
            }

            var json = await ReadBoundedAsync(response, timeout.Token).ConfigureAwait(false);
            if (!JwksParser.TryParse(json, out var keys) || keys.Count == 0)
            {
                throw new InvalidDataException("the response is not a JSON Web Key Set with usable signing keys");
            }

            _keys = keys;
            _fetchedAt = _time.GetUtcNow();
            LogFetched(_uri, keys.Count);
            return keys;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidDataException or IOException)
        {
            LogFetchFailed(_uri, e.Message, _keys?.Count ?? 0);
            return _keys ?? [];
        }
    }

    private async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxJwksBytes)
            {
                throw new InvalidDataException($"the key set is larger than {_options.MaxJwksBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} signing keys from {Uri}")]
    private partial void LogFetched(Uri uri, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching signing keys from {Uri} failed ({Reason}); keeping the {Count} keys held")]
    private partial void LogFetchFailed(Uri uri, string reason, int count);
}
