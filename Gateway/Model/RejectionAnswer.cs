namespace OrleansMesh.Gateway.Model;

/// <summary>
/// What each <see cref="RejectionKind"/> answers: the status, Envoy's response flag and the JSON error code, in one
/// table. <c>Pipeline/MeshAnswers</c> writes the answer from it; results and telemetry read their status and flags
/// from it, so the two never disagree.
/// </summary>
internal static class RejectionAnswer
{
    public static (int Status, string Flag, string Code) Of(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return rejection.Kind switch
        {
            RejectionKind.BadFraming => (rejection.StatusCode, ResponseFlags.DownstreamProtocolError, rejection.Code!),
            RejectionKind.InvalidPath => (StatusCodes.Status400BadRequest, ResponseFlags.DownstreamProtocolError, "invalid_path"),
            RejectionKind.Unauthenticated => (StatusCodes.Status401Unauthorized, ResponseFlags.Jwt, rejection.Code!),
            RejectionKind.Forbidden => (StatusCodes.Status403Forbidden, ResponseFlags.Rbac, "rbac_access_denied"),
            RejectionKind.NoConfig => (StatusCodes.Status503ServiceUnavailable, ResponseFlags.NoConfig, "no_config"),
            RejectionKind.UnknownHost => (StatusCodes.Status404NotFound, ResponseFlags.NoRoute, "unknown_host"),
            RejectionKind.NoRoute => (StatusCodes.Status404NotFound, ResponseFlags.NoRoute, "no_route"),
            RejectionKind.InvalidModelRequest => (rejection.StatusCode, "", rejection.Code!),
            RejectionKind.ClientGone => (StatusCodes.Status400BadRequest, "", "client_gone"),
            RejectionKind.FaultAbort => (rejection.StatusCode, ResponseFlags.FaultAbort, "fault_abort"),
            RejectionKind.RateLimited => (StatusCodes.Status429TooManyRequests, ResponseFlags.RateLimited, "rate_limited"),
            RejectionKind.TokenRateLimited => (StatusCodes.Status429TooManyRequests, ResponseFlags.RateLimited, "rate_limit_exceeded"),
            RejectionKind.NoHealthyUpstream => (StatusCodes.Status503ServiceUnavailable, ResponseFlags.NoHealthyUpstream, "no_healthy_upstream"),
            RejectionKind.CircuitOpen => (StatusCodes.Status503ServiceUnavailable, ResponseFlags.UpstreamOverflow, "circuit_open"),
            RejectionKind.UpstreamOverflow => (StatusCodes.Status503ServiceUnavailable, ResponseFlags.UpstreamOverflow, "upstream_overflow"),
            RejectionKind.UpstreamTimeout => (StatusCodes.Status504GatewayTimeout, ResponseFlags.UpstreamTimeout, "upstream_timeout"),
            RejectionKind.UpstreamConnectFailure => (StatusCodes.Status503ServiceUnavailable, ResponseFlags.ConnectFailure, "upstream_connect_failure"),
            RejectionKind.UpstreamError => (StatusCodes.Status502BadGateway, ResponseFlags.ConnectionTermination, "upstream_error"),
            RejectionKind.MalformedBody => (rejection.StatusCode, ResponseFlags.DownstreamProtocolError, rejection.Code!),
            RejectionKind.InferenceShed => (StatusCodes.Status429TooManyRequests, ResponseFlags.UpstreamOverflow, "inference_pool_saturated"),
            RejectionKind.InferenceQueueTimeout => (StatusCodes.Status503ServiceUnavailable, ResponseFlags.UpstreamOverflow, "inference_pool_saturated"),
            _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection.Kind, "not a rejection kind"),
        };
    }

    /// <summary>The answer's response flags (<c>DI</c> first when a fault delay came before), or null when it has none.</summary>
    public static string? Flags(Rejection rejection)
    {
        var flag = Of(rejection).Flag;
        return flag.Length == 0 ? null : ResponseFlags.Combine(rejection.Delayed, flag);
    }
}
