using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansMesh.Samples.ModelServer.Streaming;

/// <summary>Writes <c>data: {json}\n\n</c> events straight into the response pipe; the caller decides when to flush.</summary>
internal static class ServerSentEvents
{
    public const string ContentType = "text/event-stream";

    public static void WriteData<T>(PipeWriter pipe, Utf8JsonWriter json, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        ArgumentNullException.ThrowIfNull(json);
        pipe.Write("data: "u8);
        json.Reset(pipe);
        JsonSerializer.Serialize(json, value, typeInfo);
        json.Flush();
        pipe.Write("\n\n"u8);
    }

    public static void WriteDone(PipeWriter pipe)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        pipe.Write("data: [DONE]\n\n"u8);
    }
}
