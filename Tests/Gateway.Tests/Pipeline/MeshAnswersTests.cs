using System.Text.Json;
using OrleansMesh.Gateway.Model;
using OrleansMesh.Gateway.Pipeline;

namespace OrleansMesh.Gateway.Tests.Pipeline;

public sealed class MeshAnswersTests
{
    public static TheoryData<int> Kinds { get; } = [.. Enum.GetValues<RejectionKind>().Select(k => (int)k)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WriteAsync_EveryKind_WritesTheStatusAndFlagsOfItsAnswer(int kindValue)
    {
        var rejection = Rejection((RejectionKind)kindValue);
        var context = Context();

        await MeshAnswers.WriteAsync(context, rejection);

        Assert.Equal(RejectionAnswer.Of(rejection).Status, context.Response.StatusCode);
        Assert.Equal(RejectionAnswer.Flags(rejection) ?? "", context.Response.Headers["x-mesh-response-flags"].ToString());
    }

    [Fact]
    public async Task WriteAsync_CircuitOpen_Writes503UoWithCodeAndMessage()
    {
        var context = Context();

        await MeshAnswers.WriteAsync(context, new Rejection(RejectionKind.CircuitOpen, "circuit breaker of x is open"));

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("UO", context.Response.Headers["x-mesh-response-flags"].ToString());
        var error = Body(context).GetProperty("error");
        Assert.Equal("circuit_open", error.GetProperty("code").GetString());
        Assert.Equal("circuit breaker of x is open", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task WriteAsync_DelayedThenAborted_KeepsDiBeforeFi()
    {
        var context = Context();

        await MeshAnswers.WriteAsync(context, new Rejection(RejectionKind.FaultAbort, "fault filter abort") { StatusCode = 418, Delayed = true });

        Assert.Equal(418, context.Response.StatusCode);
        Assert.Equal("DI,FI", context.Response.Headers["x-mesh-response-flags"].ToString());
    }

    [Fact]
    public async Task WriteAsync_RateLimited_SetsRetryAfter()
    {
        var context = Context();

        await MeshAnswers.WriteAsync(context, new Rejection(RejectionKind.RateLimited, "local rate limit x exceeded; retry after 2s") { RetryAfterSeconds = 2 });

        Assert.Equal(429, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("rate_limited", Body(context).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task WriteAsync_Unauthenticated_AsksForABearerToken()
    {
        var context = Context();

        await MeshAnswers.WriteAsync(context, new Rejection(RejectionKind.Unauthenticated, "Jwt is expired") { Code = "jwt_expired" });

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", context.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal("jwt_expired", Body(context).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task WriteAsync_BadFraming_ClosesTheConnection()
    {
        var context = Context();

        await MeshAnswers.WriteAsync(context, new Rejection(RejectionKind.BadFraming, "bad chunk") { StatusCode = 400, Code = "invalid_body" });

        Assert.Equal("close", context.Response.Headers.Connection.ToString());
    }

    [Fact]
    public async Task WriteAsync_InvalidModelRequest_AnswersInOpenAisShapeWithoutAFlag()
    {
        var context = Context();

        await MeshAnswers.WriteAsync(context, new Rejection(RejectionKind.InvalidModelRequest, "You must provide a model parameter.") { StatusCode = 400, Code = "missing_model", Param = "model" });

        Assert.False(context.Response.Headers.ContainsKey("x-mesh-response-flags"));
        var error = Body(context).GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
    }

    private static Rejection Rejection(RejectionKind kind) => new(kind, "why") { StatusCode = 400, Code = "code" };

    private static DefaultHttpContext Context()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonElement Body(HttpContext context) => JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray()).RootElement;
}
