using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMesh.Cli.Output;

/// <summary>
/// How meshctl writes <c>-o json</c>: camelCase names, enums as strings, indented, nulls kept, so scripts can rely on
/// every documented field being present.
/// </summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(TextWriter output, T value)
    {
        output.WriteLine(JsonSerializer.Serialize(value, s_options));
    }
}
