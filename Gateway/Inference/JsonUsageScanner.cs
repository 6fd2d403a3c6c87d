using System.Buffers;

namespace OrleansMesh.Gateway.Inference;

/// <summary>
/// Follows a JSON response as it is written, keeping only its last <see cref="WindowBytes"/> (a pooled array): OpenAI
/// writes <c>usage</c> last, and a usage object cut by a write boundary is whole again in the window after the next
/// write. Call <see cref="Release"/> when the response is done.
/// </summary>
internal sealed class JsonUsageScanner(string? requestedModel = null)
{
    public const int WindowBytes = 4096;

    private byte[]? _window;
    private int _length;

    /// <summary>The last complete usage seen, or null.</summary>
    public TokenUsage? Usage { get; private set; }

    /// <summary>The last <c>model</c> string seen, or null.</summary>
    public string? Model { get; private set; }

    public void Observe(ReadOnlySpan<byte> data)
    {
        // Found both: a response has one usage, and nothing more needs keeping.
        if (data.IsEmpty || (Usage is not null && Model is not null))
        {
            return;
        }

        var joined = _length > 0;
        if (!joined)
        {
            // A write that holds the usage object needs no copy (a small response comes in one write).
            Scan(data);
            if (Usage is not null && Model is not null)
            {
                return;
            }
        }

        var window = _window ??= ArrayPool<byte>.Shared.Rent(WindowBytes);
        if (data.Length >= WindowBytes)
        {
            data[^WindowBytes..].CopyTo(window);
            _length = WindowBytes;
        }
        else
        {
            var keep = Math.Min(_length, WindowBytes - data.Length);
            window.AsSpan(_length - keep, keep).CopyTo(window);
            data.CopyTo(window.AsSpan(keep));
            _length = keep + data.Length;
        }

        if (joined)
        {
            Scan(window.AsSpan(0, _length));
        }
    }

    public void Release()
    {
        if (_window is { } window)
        {
            _window = null;
            _length = 0;
            ArrayPool<byte>.Shared.Return(window);
        }
    }

    private void Scan(ReadOnlySpan<byte> bytes)
    {
        if (UsageJson.TryReadLastUsage(bytes, out var usage))
        {
            Usage = usage;
        }

        if (Model is null && UsageJson.LastModel(bytes, requestedModel) is { } model)
        {
            Model = model;
        }
    }
}
