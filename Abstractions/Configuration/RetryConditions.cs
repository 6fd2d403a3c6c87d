using System.Globalization;

namespace OrleansMesh.Configuration;

/// <summary>Envoy's retry conditions that Istio's <c>retryOn</c> accepts (HTTP and gRPC), or a status code.</summary>
internal static class RetryConditions
{
    public static readonly string[] Names =
    [
        "5xx", "gateway-error", "reset", "connect-failure", "envoy-ratelimited", "retriable-4xx", "refused-stream",
        "retriable-status-codes", "retriable-headers", "cancelled", "deadline-exceeded", "internal",
        "resource-exhausted", "unavailable",
    ];

    public static string Description { get; } = string.Join(", ", Names) + " or an HTTP status code";

    public static bool IsValid(string condition) =>
        Names.Contains(condition, StringComparer.Ordinal)
        || (int.TryParse(condition, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599);
}
