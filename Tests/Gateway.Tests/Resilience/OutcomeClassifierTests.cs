using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class OutcomeClassifierTests
{
    [Theory]
    [InlineData(200, (int)UpstreamOutcome.Success)]
    [InlineData(404, (int)UpstreamOutcome.Success)]
    [InlineData(500, (int)UpstreamOutcome.ServerError)]
    [InlineData(501, (int)UpstreamOutcome.ServerError)]
    [InlineData(502, (int)UpstreamOutcome.GatewayError)]
    [InlineData(503, (int)UpstreamOutcome.GatewayError)]
    [InlineData(504, (int)UpstreamOutcome.GatewayError)]
    public void FromStatus_ClassifiesAsOutlierDetectionCounts(int status, int expected)
    {
        Assert.Equal((UpstreamOutcome)expected, OutcomeClassifier.FromStatus(status));
    }

    [Fact]
    public void FromError_ConnectionRefused_IsConnectFailure()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        Assert.Equal(UpstreamOutcome.ConnectFailure, OutcomeClassifier.FromError(ForwarderError.Request, refused, clientAborted: false, timedOut: false));
    }

    [Fact]
    public void FromError_ConnectTimeout_IsConnectFailure()
    {
        var connectTimeout = new TaskCanceledException("connect", new TimeoutException());

        Assert.Equal(UpstreamOutcome.ConnectFailure, OutcomeClassifier.FromError(ForwarderError.RequestTimedOut, connectTimeout, clientAborted: false, timedOut: false));
    }

    [Fact]
    public void FromError_ResponseEnded_IsReset()
    {
        var ended = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");

        Assert.Equal(UpstreamOutcome.Reset, OutcomeClassifier.FromError(ForwarderError.Request, ended, clientAborted: false, timedOut: false));
    }

    [Fact]
    public void FromError_OurTimeoutFired_IsTimeout()
    {
        Assert.Equal(UpstreamOutcome.Timeout, OutcomeClassifier.FromError(ForwarderError.RequestCanceled, new OperationCanceledException(), clientAborted: false, timedOut: true));
    }

    [Fact]
    public void FromError_ClientAborted_IsCancelledWhateverElse()
    {
        Assert.Equal(UpstreamOutcome.Cancelled, OutcomeClassifier.FromError(ForwarderError.RequestCanceled, null, clientAborted: true, timedOut: true));
    }

    [Fact]
    public void IsRefusedStream_Http2RefusedStream_IsTrue()
    {
        var refused = new HttpRequestException("refused", new HttpProtocolException(0x7, "REFUSED_STREAM", null));

        Assert.True(OutcomeClassifier.IsRefusedStream(refused));
    }
}
