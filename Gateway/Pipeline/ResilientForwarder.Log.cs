using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Pipeline;

internal sealed partial class ResilientForwarder
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarding to {Endpoint} on route {Route} failed: {Error}")]
    private partial void LogForwardError(ForwarderError error, string endpoint, string route);
}
