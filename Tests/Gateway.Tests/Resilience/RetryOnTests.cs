using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Resilience;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class RetryOnTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(599)]
    public void MatchesStatus_5xx_MatchesEveryServerError(int status)
    {
        Assert.True(RetryOn.Parse("5xx").MatchesStatus(status));
    }

    [Fact]
    public void MatchesStatus_5xx_DoesNotMatch409()
    {
        Assert.False(RetryOn.Parse("5xx").MatchesStatus(409));
    }

    [Theory]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(500, false)]
    public void MatchesStatus_GatewayError_MatchesOnly502To504(int status, bool expected)
    {
        Assert.Equal(expected, RetryOn.Parse("gateway-error").MatchesStatus(status));
    }

    [Fact]
    public void MatchesStatus_Retriable4xx_Matches409Only()
    {
        var retryOn = RetryOn.Parse("retriable-4xx");

        Assert.Equal([true, false, false], [retryOn.MatchesStatus(409), retryOn.MatchesStatus(404), retryOn.MatchesStatus(429)]);
    }

    [Fact]
    public void Parse_PlainStatusCodes_AddsRetriableStatusCodes()
    {
        var retryOn = RetryOn.Parse("connect-failure, 503,429");

        Assert.Equal(RetryCondition.ConnectFailure | RetryCondition.RetriableStatusCodes, retryOn.Conditions);
        Assert.Equal([503, 429], retryOn.StatusCodes);
    }

    [Fact]
    public void MatchesStatus_ListedCode_Matches()
    {
        Assert.True(RetryOn.Parse("429").MatchesStatus(429));
    }

    [Fact]
    public void Parse_GrpcConditions_AreAcceptedAndIgnored()
    {
        var retryOn = RetryOn.Parse("cancelled,deadline-exceeded,internal,resource-exhausted,unavailable,envoy-ratelimited,retriable-headers");

        Assert.Equal(RetryCondition.None, retryOn.Conditions);
        Assert.False(retryOn.MatchesStatus(503));
    }

    [Fact]
    public void Parse_RetriableStatusCodesWithoutCodes_MatchesNothing()
    {
        Assert.False(RetryOn.Parse("retriable-status-codes").MatchesStatus(503));
    }

    [Theory]
    [InlineData((int)UpstreamOutcome.ConnectFailure, true)]
    [InlineData((int)UpstreamOutcome.Reset, false)]
    [InlineData((int)UpstreamOutcome.Timeout, false)]
    public void MatchesFailure_ConnectFailure_MatchesOnlyConnectFailures(int outcome, bool expected)
    {
        Assert.Equal(expected, RetryOn.Parse("connect-failure").MatchesFailure((UpstreamOutcome)outcome, refusedStream: false));
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("5xx")]
    [InlineData("gateway-error")]
    public void MatchesFailure_ResetLikeConditions_MatchEveryFailureWithoutResponse(string condition)
    {
        var retryOn = RetryOn.Parse(condition);

        Assert.All([UpstreamOutcome.ConnectFailure, UpstreamOutcome.Reset, UpstreamOutcome.Timeout], o => Assert.True(retryOn.MatchesFailure(o, refusedStream: false)));
    }

    [Fact]
    public void MatchesFailure_RefusedStream_MatchesOnlyARefusedReset()
    {
        var retryOn = RetryOn.Parse("refused-stream");

        Assert.Equal([true, false], [retryOn.MatchesFailure(UpstreamOutcome.Reset, refusedStream: true), retryOn.MatchesFailure(UpstreamOutcome.Reset, refusedStream: false)]);
    }

    [Fact]
    public void MatchesFailure_Cancelled_NeverMatches()
    {
        Assert.False(RetryOn.Parse("5xx,reset,connect-failure").MatchesFailure(UpstreamOutcome.Cancelled, refusedStream: false));
    }

    [Fact]
    public void IstioDefault_Matches503AndConnectFailureButNot500()
    {
        var retryOn = RetryOn.IstioDefault;

        Assert.Equal(
            [true, true, false, false],
            [retryOn.MatchesStatus(503), retryOn.MatchesFailure(UpstreamOutcome.ConnectFailure, false), retryOn.MatchesStatus(500), retryOn.MatchesFailure(UpstreamOutcome.Timeout, false)]);
    }
}
