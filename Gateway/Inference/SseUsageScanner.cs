namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// Follows a server-sent-event stream as it is written, line by line, whatever the write boundaries: the first
/// <c>data:</c> event gives the response's model, an event with a <c>usage</c> object its token counts (OpenAI sends it in
/// the last chunk). Only the unfinished line is kept between writes, and only up to <see cref="MaxLineBytes"/>; a longer
/// line is passed over.
/// </summary>
internal sealed class SseUsageScanner(string? requestedModel = null)
{
    public const int MaxLineBytes = 64 * 1024;

    private byte[]? _partial;
    private int _partialLength;
    private bool _overlong;
    private bool _sawEvent;

    /// <summary>The last usage seen, or null.</summary>
    public TokenUsage? Usage { get; private set; }

    /// <summary>The first event's <c>model</c>, or null.</summary>
    public string? Model { get; private set; }

    public void Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Keep(data);
                return;
            }

            var end = data[..newline];
            data = data[(newline + 1)..];
            if (_overlong)
            {
                _overlong = false;
                continue;
            }

            if (_partialLength == 0)
            {
                OnLine(end);
            }
            else if (_partialLength + end.Length <= MaxLineBytes)
            {
                Keep(end);
                OnLine(_partial.AsSpan(0, _partialLength));
                _partialLength = 0;
            }
            else
            {
                _partialLength = 0;
            }
        }
    }

    private void Keep(ReadOnlySpan<byte> part)
    {
        if (_overlong)
        {
            return;
        }

        var length = _partialLength + part.Length;
        if (length > MaxLineBytes)
        {
            _overlong = true;
            _partialLength = 0;
            return;
        }

        if (_partial is null || _partial.Length < length)
        {
            var grown = new byte[Math.Min(MaxLineBytes, Math.Max(256, length * 2))];
            _partial?.AsSpan(0, _partialLength).CopyTo(grown);
            _partial = grown;
        }

        part.CopyTo(_partial.AsSpan(_partialLength));
        _partialLength = length;
    }

    private void OnLine(ReadOnlySpan<byte> line)
    {
        if (!line.StartsWith("data:"u8))
        {
            return;
        }

        var payload = line[5..].TrimEnd((byte)'\r');
        if (!payload.IsEmpty && payload[0] == (byte)' ')
        {
            payload = payload[1..];
        }

        // Each event is parsed only if it is the first (for the model) or carries a usage object.
        if ((_sawEvent && !UsageJson.HasUsageObject(payload)) || payload.SequenceEqual("[DONE]"u8))
        {
            return;
        }

        _sawEvent = true;
        if (UsageJson.TryReadEvent(payload, out var usage, out var model, requestedModel))
        {
            Usage = usage ?? Usage;
            Model ??= model;
        }
    }
}
