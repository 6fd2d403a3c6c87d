using System.Text;
using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Gateway.Tests.Inference;

public sealed class SseUsageScannerTests
{
    // As the demo model server and OpenAI (stream_options.include_usage) send it: usage null, then in the last chunk.
    private const string Stream =
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"chat-v2\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello\"}}],\"usage\":null}\n\n" +
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"chat-v2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" \\\"usage\\\":{\\\"prompt_tokens\\\":1}\"}}]}\n\n" +
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"chat-v2\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46,\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n" +
        "data: [DONE]\n\n";

    [Fact]
    public void Observe_NegativeTokenCount_NotTaken()
    {
        // Found by the sse-usage fuzz target: a negative count from the upstream would lower metrics and token budgets.
        var scanner = new SseUsageScanner();

        scanner.Observe("data: {\"usage\":{\"prompt_tokens\":-2}}\n\n"u8);

        Assert.True(scanner.Usage is null or { InputTokens: >= 0, OutputTokens: >= 0 }, $"{scanner.Usage}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Observe_ModelNotText_NoModelAndNoException(bool escaped)
    {
        // Found by the sse-usage fuzz target: a model that is not UTF-8 made GetString throw on the response path.
        byte[] model = escaped ? [.. "\\ud800"u8] : [0xD0];
        var scanner = new SseUsageScanner();

        scanner.Observe([.. "data: {\"model\":\""u8, .. model, .. "\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}\n\n"u8]);

        Assert.Null(scanner.Model);
    }

    [Fact]
    public void Observe_ModelAsRequested_IsTheRequestsString()
    {
        var requested = new string("chat-v2".AsSpan());
        var scanner = new SseUsageScanner(requested);

        scanner.Observe(Encoding.UTF8.GetBytes(Stream));

        Assert.Same(requested, scanner.Model);
    }

    [Fact]
    public void Observe_ModelOtherThanRequested_IsTheStreamsModel()
    {
        var scanner = new SseUsageScanner("chat-v1");

        scanner.Observe(Encoding.UTF8.GetBytes(Stream));

        Assert.Equal("chat-v2", scanner.Model);
    }

    [Fact]
    public void Observe_WholeStream_ReadsUsageAndModel()
    {
        var scanner = new SseUsageScanner();

        scanner.Observe(Encoding.UTF8.GetBytes(Stream));

        Assert.Equal(new TokenUsage(12, 34), scanner.Usage);
        Assert.Equal("chat-v2", scanner.Model);
    }

    [Fact]
    public void Observe_SplitAtEveryPossiblePoint_ReadsTheSameUsage()
    {
        var bytes = Encoding.UTF8.GetBytes(Stream);
        for (var split = 1; split < bytes.Length; split++)
        {
            var scanner = new SseUsageScanner();

            scanner.Observe(bytes.AsSpan(0, split));
            scanner.Observe(bytes.AsSpan(split));

            Assert.Equal(new TokenUsage(12, 34), scanner.Usage);
        }
    }

    [Fact]
    public void Observe_OneByteAtATime_ReadsUsage()
    {
        var scanner = new SseUsageScanner();

        foreach (var b in Encoding.UTF8.GetBytes(Stream.Replace("\n", "\r\n", StringComparison.Ordinal)))
        {
            scanner.Observe([b]);
        }

        Assert.Equal(new TokenUsage(12, 34), scanner.Usage);
    }

    [Fact]
    public void Observe_NoUsageChunk_LeavesUsageNull()
    {
        var scanner = new SseUsageScanner();

        scanner.Observe(Encoding.UTF8.GetBytes("data: {\"model\":\"m\",\"choices\":[],\"usage\":null}\n\ndata: [DONE]\n\n"));

        Assert.Null(scanner.Usage);
        Assert.Equal("m", scanner.Model);
    }

    [Fact]
    public void Observe_TextThatLooksLikeUsage_IsNotTakenForUsage()
    {
        var scanner = new SseUsageScanner();

        scanner.Observe(Encoding.UTF8.GetBytes("data: {\"model\":\"m\"}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"\\\"usage\\\": {\\\"prompt_tokens\\\": 5}\"}}]}\n\n"));

        Assert.Null(scanner.Usage);
    }

    [Fact]
    public void Observe_OverlongLineThenUsage_SkipsTheLineAndReadsUsage()
    {
        var scanner = new SseUsageScanner();
        var longLine = "data: {\"x\":\"" + new string('a', SseUsageScanner.MaxLineBytes) + "\"}\n\n";

        scanner.Observe(Encoding.UTF8.GetBytes(longLine[..1000]));
        scanner.Observe(Encoding.UTF8.GetBytes(longLine[1000..]));
        scanner.Observe(Encoding.UTF8.GetBytes("data: {\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}\n\n"));

        Assert.Equal(new TokenUsage(1, 2), scanner.Usage);
    }
}
