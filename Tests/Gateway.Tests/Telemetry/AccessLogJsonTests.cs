using System.Text;
using System.Text.Json;
using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Tests.Telemetry;

public sealed class AccessLogJsonTests
{
    private static readonly AccessLogEntry s_entry = new(
        new DateTimeOffset(2026, 11, 25, 10, 30, 15, 123, TimeSpan.Zero),
        "POST",
        "/v1/chat/completions?stream=true",
        "HTTP/1.1",
        200,
        null,
        512,
        2048,
        TimeSpan.FromMilliseconds(37.8),
        TimeSpan.FromMilliseconds(35.2),
        "127.0.0.1:9001",
        "outbound|80|v1|chat",
        "chat-v1",
        "chat.example.com",
        "10.0.0.1",
        "curl/8.5.0",
        "7f1c0a2e-1d4e-4b7a-9d33-2f1e0c9a5b11",
        "0af7651916cd43dd8448eb211c80319c");

    [Fact]
    public void Write_Entry_WritesEnvoysFieldsInIstiosJsonFormat()
    {
        var json = Format(s_entry);

        Assert.Equal(
            """{"start_time":"2026-11-25T10:30:15.123Z","method":"POST","path":"/v1/chat/completions?stream=true","protocol":"HTTP/1.1","response_code":200,"response_flags":"-","bytes_received":512,"bytes_sent":2048,"duration":37,"upstream_service_time":35,"upstream_host":"127.0.0.1:9001","upstream_cluster":"outbound|80|v1|chat","route_name":"chat-v1","authority":"chat.example.com","x_forwarded_for":"10.0.0.1","user_agent":"curl/8.5.0","request_id":"7f1c0a2e-1d4e-4b7a-9d33-2f1e0c9a5b11","trace_id":"0af7651916cd43dd8448eb211c80319c"}""",
            json);
    }

    [Fact]
    public void Write_MeshMadeResponse_WritesFlagsAndNullsForTheUpstream()
    {
        var entry = s_entry with { ResponseCode = 503, ResponseFlags = "UO", UpstreamHost = null, UpstreamServiceTime = null, TraceId = null };

        using var document = JsonDocument.Parse(Format(entry));

        var root = document.RootElement;
        Assert.Equal("UO", root.GetProperty("response_flags").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("upstream_host").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("upstream_service_time").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("trace_id").ValueKind);
    }

    [Fact]
    public void Write_PathWithQuotes_IsEscaped()
    {
        var entry = s_entry with { Path = "/a\"b\n" };

        using var document = JsonDocument.Parse(Format(entry));

        Assert.Equal("/a\"b\n", document.RootElement.GetProperty("path").GetString());
    }

    private static string Format(in AccessLogEntry entry)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            AccessLogJson.Write(writer, entry);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
