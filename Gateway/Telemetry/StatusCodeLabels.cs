using System.Globalization;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>Status codes as label strings, made once: a boxed or formatted code per request would allocate.</summary>
internal static class StatusCodeLabels
{
    private static readonly string[] s_codes = [.. Enumerable.Range(0, 600).Select(c => c.ToString(CultureInfo.InvariantCulture))];

    public static string Of(int statusCode) => (uint)statusCode < (uint)s_codes.Length ? s_codes[statusCode] : MeshMetricNames.Unknown;
}
