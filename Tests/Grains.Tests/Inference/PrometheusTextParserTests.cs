using System.Collections.Frozen;
using OrleansMesh.Grains.Inference;

namespace OrleansMesh.Grains.Tests.Inference;

public sealed class PrometheusTextParserTests
{
    private static readonly FrozenSet<string> Wanted = FrozenSet.Create(StringComparer.Ordinal, "vllm:num_requests_waiting", "vllm:lora_requests_info");

    [Fact]
    public void TryParse_VllmExposition_KeepsWantedSamplesWithLabels()
    {
        const string text = """
            # HELP vllm:num_requests_waiting Number of requests waiting to be processed.
            # TYPE vllm:num_requests_waiting gauge
            vllm:num_requests_waiting{engine="0",model_name="m"} 7.0
            vllm:num_requests_running{engine="0",model_name="m"} 3.0
            vllm:lora_requests_info{max_lora="2",running_lora_adapters="a,b",waiting_lora_adapters=""} 1.7e+09
            """;

        Assert.True(PrometheusTextParser.TryParse(text, Wanted, out var samples, out var error), error);

        Assert.Equal(["vllm:num_requests_waiting", "vllm:lora_requests_info"], samples.Select(s => s.Name));
        Assert.Equal(7.0, samples[0].Value);
        Assert.Equal("a,b", samples[1].Label("running_lora_adapters"));
        Assert.Equal("", samples[1].Label("waiting_lora_adapters"));
    }

    [Theory]
    [InlineData("vllm:num_requests_waiting 1 1700000000000", 1.0)]
    [InlineData("vllm:num_requests_waiting{} NaN", double.NaN)]
    [InlineData("vllm:num_requests_waiting{a=\"x\",} +Inf", double.PositiveInfinity)]
    [InlineData("  vllm:num_requests_waiting { a = \"x\" } -2.5e1\r", -25.0)]
    public void TryParse_ValidSampleForms_ReadTheValue(string line, double expected)
    {
        Assert.True(PrometheusTextParser.TryParse(line, Wanted, out var samples, out var error), error);

        Assert.Equal(expected, Assert.Single(samples).Value);
    }

    [Fact]
    public void TryParse_EscapedLabelValue_IsUnescaped()
    {
        Assert.True(PrometheusTextParser.TryParse("vllm:num_requests_waiting{a=\"q\\\"b\\\\s\\nn\"} 1", Wanted, out var samples, out _));

        Assert.Equal("q\"b\\s\nn", samples[0].Label("a"));
    }

    [Theory]
    [InlineData("vllm:num_requests_waiting{a=\"x\" 3")]
    [InlineData("vllm:num_requests_waiting{a=\"x} 3")]
    [InlineData("vllm:num_requests_waiting{a=\"\\t\"} 3")]
    [InlineData("vllm:num_requests_waiting")]
    [InlineData("vllm:num_requests_waiting Infinity")]
    [InlineData("vllm:num_requests_waiting 1 2 3")]
    [InlineData("vllm:num_requests_waiting 0x10")]
    public void TryParse_MalformedWantedLine_FailsWithItsLineNumber(string line)
    {
        Assert.False(PrometheusTextParser.TryParse("# ok\n" + line, Wanted, out var samples, out var error));

        Assert.Empty(samples);
        Assert.StartsWith("line 2: malformed sample of vllm:num_requests_waiting", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_MalformedLineOfAnotherMetric_IsSkipped()
    {
        Assert.True(PrometheusTextParser.TryParse("other_histogram_bucket{le=\"1\"} 3 # {trace_id=\"x\"} 1\nvllm:num_requests_waiting 4", Wanted, out var samples, out _));

        Assert.Equal(4.0, Assert.Single(samples).Value);
    }

    [Fact]
    public void TryParse_LineWithoutName_Fails()
    {
        Assert.False(PrometheusTextParser.TryParse("{a=\"b\"} 1", Wanted, out _, out var error));

        Assert.Equal("line 1: expected a metric name", error);
    }
}
