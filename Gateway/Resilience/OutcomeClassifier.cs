using OrleansMesh.Gateway.Model;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>Maps what YARP reports for one attempt to an <see cref="UpstreamOutcome"/>.</summary>
internal static class OutcomeClassifier
{
    // HTTP/2 REFUSED_STREAM: the upstream did not process the stream, so it is always safe to retry.
    private const long RefusedStreamCode = 0x7;

    public static UpstreamOutcome FromStatus(int statusCode) => statusCode switch
    {
        502 or 503 or 504 => UpstreamOutcome.GatewayError,
        >= 500 => UpstreamOutcome.ServerError,
        _ => UpstreamOutcome.Success,
    };

    /// <param name="error">YARP's error for the attempt (not <see cref="ForwarderError.None"/>).</param>
    /// <param name="exception">The exception behind it, from <see cref="IForwarderErrorFeature"/>.</param>
    /// <param name="clientAborted">The client's request was aborted.</param>
    /// <param name="timedOut">A per-try or route timeout fired.</param>
    public static UpstreamOutcome FromError(ForwarderError error, Exception? exception, bool clientAborted, bool timedOut)
    {
        if (clientAborted)
        {
            return UpstreamOutcome.Cancelled;
        }

        if (timedOut)
        {
            return UpstreamOutcome.Timeout;
        }

        return error switch
        {
            // SocketsHttpHandler's connect timeout surfaces as a cancellation carrying a TimeoutException.
            ForwarderError.RequestTimedOut when Find<TimeoutException>(exception) is not null => UpstreamOutcome.ConnectFailure,
            ForwarderError.RequestTimedOut => UpstreamOutcome.Timeout,
            ForwarderError.Request when IsConnectFailure(exception) => UpstreamOutcome.ConnectFailure,
            ForwarderError.RequestBodyClient or ForwarderError.ResponseBodyClient or ForwarderError.RequestCanceled
                or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled => UpstreamOutcome.Cancelled,
            _ => UpstreamOutcome.Reset,
        };
    }

    public static bool IsRefusedStream(Exception? exception) => Find<HttpProtocolException>(exception)?.ErrorCode == RefusedStreamCode;

    private static bool IsConnectFailure(Exception? exception)
        => Find<HttpRequestException>(exception)?.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
