using System.Text;
using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Gateway.Tests.Inference;

public sealed class InferenceBodyReaderTests
{
    private const int Limit = 1024;

    [Fact]
    public async Task ReadAsync_KnownLengthWithinLimit_ReturnsTheBodySeekable()
    {
        var request = Request("""{"model":"m"}""", withLength: true);

        var (body, error) = await InferenceBodyReader.ReadAsync(request, Limit, CancellationToken.None);

        using (body)
        {
            Assert.Null(error);
            Assert.Equal("""{"model":"m"}""", Encoding.UTF8.GetString(body!.Span));
            Assert.True(body.CanSeek);
        }
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverLimit_Is413WithoutReading()
    {
        var request = Request(new string('x', 10), withLength: false);
        request.ContentLength = Limit + 1;

        var (body, error) = await InferenceBodyReader.ReadAsync(request, Limit, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal((413, "request_too_large"), (error!.StatusCode, error.Code));
        Assert.Equal(0, request.Body.Position);
    }

    [Fact]
    public async Task ReadAsync_ChunkedBodyOverLimit_Is413()
    {
        var request = Request(new string('x', Limit + 1), withLength: false);

        var (body, error) = await InferenceBodyReader.ReadAsync(request, Limit, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(413, error!.StatusCode);
    }

    [Fact]
    public async Task ReadAsync_ChunkedBodyExactlyAtLimit_IsRead()
    {
        var text = new string('x', Limit);
        var request = Request(text, withLength: false);

        var (body, error) = await InferenceBodyReader.ReadAsync(request, Limit, CancellationToken.None);

        using (body)
        {
            Assert.Null(error);
            Assert.Equal(text, Encoding.UTF8.GetString(body!.Span));
        }
    }

    [Fact]
    public async Task ReadAsync_ChunkedBodyLargerThanTheFirstBuffer_IsReadWhole()
    {
        var text = new string('y', 9000);
        var request = Request(text, withLength: false);

        var (body, error) = await InferenceBodyReader.ReadAsync(request, 16 * 1024, CancellationToken.None);

        using (body)
        {
            Assert.Null(error);
            Assert.Equal(text, Encoding.UTF8.GetString(body!.Span));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_EmptyBody_IsEmptyBodyError(bool withLength)
    {
        var (body, error) = await InferenceBodyReader.ReadAsync(Request("", withLength), Limit, CancellationToken.None);

        Assert.Null(body);
        Assert.Same(InferenceError.EmptyBody, error);
    }

    private static HttpRequest Request(string body, bool withLength)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = withLength ? bytes.Length : null;
        return context.Request;
    }
}
