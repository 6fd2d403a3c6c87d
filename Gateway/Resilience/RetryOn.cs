using System.Globalization;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// A parsed <c>retryOn</c>: Envoy's conditions plus retriable status codes, decided for one attempt.
/// Parsed as Istio does: numbers are status codes, and listing any adds <c>retriable-status-codes</c>.
/// </summary>
internal sealed class RetryOn
{
    // Ignored for HTTP: gRPC status conditions (they read grpc-status, which HTTP upstreams do not send),
    // envoy-ratelimited (our rate limits answer directly) and retriable-headers (no retriableRequestHeaders in Istio).
    // The control plane validates retryOn, so a name unknown here never arrives.
    private readonly int[] _statusCodes;

    private RetryOn(RetryCondition conditions, int[] statusCodes)
    {
        Conditions = conditions;
        _statusCodes = statusCodes;
    }

    public RetryCondition Conditions { get; }

    public IReadOnlyList<int> StatusCodes => _statusCodes;

    /// <summary>Istio's default when a route sets no <c>retryOn</c>: connect failures, refused streams and 503.</summary>
    public static RetryOn IstioDefault { get; } = new(RetryCondition.ConnectFailure | RetryCondition.RefusedStream | RetryCondition.RetriableStatusCodes, [503]);

    public static RetryOn Parse(string retryOn)
    {
        ArgumentNullException.ThrowIfNull(retryOn);
        var conditions = RetryCondition.None;
        var codes = new List<int>();
        foreach (var part in retryOn.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                codes.Add(status);
                continue;
            }

            conditions |= part switch
            {
                "5xx" => RetryCondition.ServerError,
                "gateway-error" => RetryCondition.GatewayError,
                "reset" => RetryCondition.Reset,
                "connect-failure" => RetryCondition.ConnectFailure,
                "retriable-4xx" => RetryCondition.Retriable4xx,
                "refused-stream" => RetryCondition.RefusedStream,
                "retriable-status-codes" => RetryCondition.RetriableStatusCodes,
                _ => RetryCondition.None,
            };
        }

        if (codes.Count > 0)
        {
            conditions |= RetryCondition.RetriableStatusCodes;
        }

        return new RetryOn(conditions, [.. codes.Distinct()]);
    }

    /// <summary>Whether an upstream answer with <paramref name="statusCode"/> is worth another attempt.</summary>
    public bool MatchesStatus(int statusCode)
    {
        if (statusCode >= 500 && (Conditions & RetryCondition.ServerError) != 0)
        {
            return true;
        }

        if (statusCode is 502 or 503 or 504 && (Conditions & RetryCondition.GatewayError) != 0)
        {
            return true;
        }

        if (statusCode == 409 && (Conditions & RetryCondition.Retriable4xx) != 0)
        {
            return true;
        }

        return (Conditions & RetryCondition.RetriableStatusCodes) != 0 && Array.IndexOf(_statusCodes, statusCode) >= 0;
    }

    /// <summary>Whether an attempt that got no response is worth another (Envoy's reset, connect-failure, ... rules).</summary>
    public bool MatchesFailure(UpstreamOutcome outcome, bool refusedStream)
    {
        // Envoy turns a failure without response into a 503 of its own, which 5xx and gateway-error retry.
        const RetryCondition anyFailure = RetryCondition.ServerError | RetryCondition.GatewayError | RetryCondition.Reset;
        return outcome switch
        {
            UpstreamOutcome.ConnectFailure => (Conditions & (anyFailure | RetryCondition.ConnectFailure)) != 0,
            UpstreamOutcome.Reset => (Conditions & anyFailure) != 0 || (refusedStream && (Conditions & RetryCondition.RefusedStream) != 0),
            UpstreamOutcome.Timeout => (Conditions & anyFailure) != 0,
            _ => false,
        };
    }
}
