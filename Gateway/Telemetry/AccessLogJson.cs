using System.Globalization;
using System.Text.Json;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>Writes an <see cref="AccessLogEntry"/> as one JSON object with the field names of Istio's JSON access log.</summary>
internal static class AccessLogJson
{
    public static void Write(Utf8JsonWriter writer, in AccessLogEntry e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("start_time", e.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("method", e.Method);
        writer.WriteString("path", e.Path);
        writer.WriteString("protocol", e.Protocol);
        writer.WriteNumber("response_code", e.ResponseCode);
        writer.WriteString("response_flags", string.IsNullOrEmpty(e.ResponseFlags) ? MeshMetricNames.NoFlags : e.ResponseFlags);
        writer.WriteNumber("bytes_received", e.BytesReceived);
        writer.WriteNumber("bytes_sent", e.BytesSent);
        writer.WriteNumber("duration", (long)e.Duration.TotalMilliseconds);
        if (e.UpstreamServiceTime is { } upstream)
        {
            writer.WriteNumber("upstream_service_time", (long)upstream.TotalMilliseconds);
        }
        else
        {
            writer.WriteNull("upstream_service_time");
        }

        WriteOrNull(writer, "upstream_host", e.UpstreamHost);
        WriteOrNull(writer, "upstream_cluster", e.UpstreamCluster);
        WriteOrNull(writer, "route_name", e.RouteName);
        WriteOrNull(writer, "authority", e.Authority);
        WriteOrNull(writer, "x_forwarded_for", e.ForwardedFor);
        WriteOrNull(writer, "user_agent", e.UserAgent);
        WriteOrNull(writer, "request_id", e.RequestId);
        WriteOrNull(writer, "trace_id", e.TraceId);
        writer.WriteEndObject();
    }

    private static void WriteOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
