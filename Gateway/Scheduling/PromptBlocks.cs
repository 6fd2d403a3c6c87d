using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// Cuts a request's prompt (the text of chat <c>messages[].content</c>, or a completion's <c>prompt</c>) into blocks of
/// N bytes and hashes each chained to the one before, seeded with the model: two requests share block i only if they
/// share the model and all prompt text up to the end of block i, which is what a server's prefix cache can reuse.
/// The partial last block is not hashed. Reads the buffered body once; never throws on any body.
/// </summary>
internal static class PromptBlocks
{
    public static ulong[] Hash(ReadOnlySpan<byte> body, string model, int blockBytes, int maxBlocks)
    {
        ArgumentNullException.ThrowIfNull(model);
        var hasher = new Hasher(model, blockBytes, maxBlocks);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            // The depth of the prompt property being read (its string, or the array or object under it), or -1.
            var promptDepth = -1;
            while (!hasher.Full && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (promptDepth < 0 && (reader.ValueTextEquals("content"u8) || reader.ValueTextEquals("prompt"u8) || reader.ValueTextEquals("text"u8)))
                        {
                            promptDepth = reader.CurrentDepth;
                        }

                        break;
                    case JsonTokenType.String when promptDepth >= 0:
                        hasher.Append(ref reader);
                        if (reader.CurrentDepth == promptDepth)
                        {
                            promptDepth = -1;
                        }

                        break;
                    case JsonTokenType.EndArray or JsonTokenType.EndObject when promptDepth >= 0 && reader.CurrentDepth <= promptDepth:
                        promptDepth = -1;
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null when promptDepth == reader.CurrentDepth:
                        promptDepth = -1;
                        break;
                }

            }
        }
        catch (JsonException)
        {
            // The router already refused bodies that are not JSON; whatever was hashed before the fault is kept.
        }

        return hasher.Blocks();
    }

    private ref struct Hasher
    {
        private readonly int _blockBytes;
        private readonly int _maxBlocks;
        private readonly XxHash64 _hash;
        private readonly List<ulong> _blocks;
        private int _inBlock;
        private ulong _previous;

        public Hasher(string model, int blockBytes, int maxBlocks)
        {
            _blockBytes = blockBytes;
            _maxBlocks = maxBlocks;
            _hash = new XxHash64();
            _blocks = [];
            _hash.Append(MemoryMarshal.AsBytes(model.AsSpan()));
            _previous = _hash.GetCurrentHashAsUInt64();
            Restart();
        }

        public readonly bool Full => _blocks.Count >= _maxBlocks;

        public void Append(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                Append(reader.ValueSpan);
                return;
            }

            var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            var rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                Append(rented.AsSpan(0, reader.CopyString(rented)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        public readonly ulong[] Blocks() => [.. _blocks];

        private void Append(ReadOnlySpan<byte> text)
        {
            // Each text ends with a separator, so "ab"+"c" and "a"+"bc" are different prompts.
            Feed(text);
            Feed("\n"u8);
        }

        private void Feed(ReadOnlySpan<byte> text)
        {
            while (!text.IsEmpty && !Full)
            {
                var take = Math.Min(text.Length, _blockBytes - _inBlock);
                _hash.Append(text[..take]);
                _inBlock += take;
                text = text[take..];
                if (_inBlock == _blockBytes)
                {
                    _previous = _hash.GetCurrentHashAsUInt64();
                    _blocks.Add(_previous);
                    Restart();
                }
            }
        }

        private void Restart()
        {
            _hash.Reset();
            _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in _previous)));
            _inBlock = 0;
        }
    }
}
