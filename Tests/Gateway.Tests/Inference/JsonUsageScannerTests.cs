using System.Text;
using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Gateway.Tests.Inference;

public sealed class JsonUsageScannerTests
{
    private const string Completion =
        """{"id":"c1","object":"chat.completion","created":1,"model":"chat-v1","choices":[{"index":0,"message":{"role":"assistant","content":"say \"usage\": {\"prompt_tokens\": 99}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":16,"total_tokens":23,"prompt_tokens_details":{"cached_tokens":0}}}""";

    [Fact]
    public void Observe_ModelNotUtf8_NoModelAndNoException()
    {
        var scanner = new JsonUsageScanner();

        scanner.Observe([.. "{\"model\":\""u8, 0xD0, .. "\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}"u8]);
        scanner.Release();

        Assert.Null(scanner.Model);
    }

    [Fact]
    public void Observe_WholeResponse_ReadsUsageAndModel()
    {
        var scanner = new JsonUsageScanner();

        scanner.Observe(Encoding.UTF8.GetBytes(Completion));

        Assert.Equal(new TokenUsage(7, 16), scanner.Usage);
        Assert.Equal("chat-v1", scanner.Model);
        scanner.Release();
    }

    [Fact]
    public void Observe_ModelAsRequested_IsTheRequestsString()
    {
        var requested = new string("chat-v1".AsSpan());
        var scanner = new JsonUsageScanner(requested);

        scanner.Observe(Encoding.UTF8.GetBytes(Completion));
        scanner.Release();

        Assert.Same(requested, scanner.Model);
    }

    [Fact]
    public void Observe_ModelOtherThanRequested_IsTheResponsesModel()
    {
        var scanner = new JsonUsageScanner("chat");

        scanner.Observe(Encoding.UTF8.GetBytes(Completion));
        scanner.Release();

        Assert.Equal("chat-v1", scanner.Model);
    }

    [Fact]
    public void Observe_SplitAtEveryPossiblePoint_ReadsTheSameUsage()
    {
        var bytes = Encoding.UTF8.GetBytes(Completion);
        for (var split = 1; split < bytes.Length; split++)
        {
            var scanner = new JsonUsageScanner();

            scanner.Observe(bytes.AsSpan(0, split));
            scanner.Observe(bytes.AsSpan(split));

            Assert.Equal(new TokenUsage(7, 16), scanner.Usage);
            scanner.Release();
        }
    }

    [Fact]
    public void Observe_LargeEmbeddingsResponseInSmallWrites_ReadsUsageFromTheTail()
    {
        var vectors = string.Join(",", Enumerable.Range(0, 2000).Select(i => $$"""{"object":"embedding","index":{{i}},"embedding":[0.1,0.2,0.3]}"""));
        var bytes = Encoding.UTF8.GetBytes($$$"""{"object":"list","data":[{{{vectors}}}],"model":"embed-v1","usage":{"prompt_tokens":2000,"total_tokens":2000}}""");
        var scanner = new JsonUsageScanner();

        foreach (var chunk in bytes.Chunk(1000))
        {
            scanner.Observe(chunk);
        }

        Assert.Equal(new TokenUsage(2000, 0), scanner.Usage);
        Assert.Equal("embed-v1", scanner.Model);
        scanner.Release();
    }

    [Fact]
    public void Observe_NoUsage_LeavesUsageNull()
    {
        var scanner = new JsonUsageScanner();

        scanner.Observe("""{"error":{"message":"bad","type":"invalid_request_error","param":null,"code":null}}"""u8);

        Assert.Null(scanner.Usage);
        scanner.Release();
    }

    [Fact]
    public void Observe_UsageNull_LeavesUsageNull()
    {
        var scanner = new JsonUsageScanner();

        scanner.Observe("""{"model":"m","usage":null}"""u8);

        Assert.Null(scanner.Usage);
        scanner.Release();
    }
}
