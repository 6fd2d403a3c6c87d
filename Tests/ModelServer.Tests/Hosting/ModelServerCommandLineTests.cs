using Microsoft.Extensions.Options;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Hosting;

public sealed class ModelServerCommandLineTests
{
    [Fact]
    public void ReadOptions_Flags_BindEveryOption()
    {
        string[] args =
        [
            "--name", "llama", "--version", "v2", "--latency-ms", "15", "--token-delay-ms=5", "--error-rate", "0.25",
            "--seed", "7", "--default-max-tokens", "8", "--max-tokens-limit", "64", "--embedding-dimensions", "3",
        ];

        var options = ModelServerCommandLine.ReadOptions(ModelServerCommandLine.BuildConfiguration(args));

        var expected = new ModelServerOptions
        {
            Name = "llama",
            Version = "v2",
            LatencyMs = 15,
            TokenDelayMs = 5,
            ErrorRate = 0.25,
            Seed = 7,
            DefaultMaxTokens = 8,
            MaxTokensLimit = 64,
            EmbeddingDimensions = 3,
        };
        Assert.Equal(expected, options);
    }

    [Fact]
    public void ReadOptions_NoFlags_UsesDocumentedDefaults()
    {
        var options = ModelServerCommandLine.ReadOptions(ModelServerCommandLine.BuildConfiguration([]));

        Assert.Equal(new ModelServerOptions(), options);
        Assert.Equal("demo-model", options.Name);
        Assert.Equal("v1", options.Version);
        Assert.Equal(0, options.LatencyMs);
        Assert.Equal(20, options.TokenDelayMs);
        Assert.Equal(0, options.ErrorRate);
        Assert.Null(options.Seed);
    }

    [Fact]
    public void ReadUrls_NoFlag_DefaultsToLoopback9001()
    {
        var urls = ModelServerCommandLine.ReadUrls(ModelServerCommandLine.BuildConfiguration([]));

        Assert.Equal(["http://127.0.0.1:9001"], urls);
    }

    [Fact]
    public void ReadUrls_SemicolonList_SplitsIt()
    {
        var configuration = ModelServerCommandLine.BuildConfiguration(["--urls", "http://127.0.0.1:1;http://127.0.0.1:2"]);

        Assert.Equal(["http://127.0.0.1:1", "http://127.0.0.1:2"], ModelServerCommandLine.ReadUrls(configuration));
    }

    [Fact]
    public void ReadOptions_NegativeLatencyFlag_ThrowsValidationMessage()
    {
        var configuration = ModelServerCommandLine.BuildConfiguration(["--latency-ms", "-5"]);

        var ex = Assert.Throws<OptionsValidationException>(() => ModelServerCommandLine.ReadOptions(configuration));

        Assert.Equal("--latency-ms must be between 0 and 600000 (milliseconds waited before answering), but was -5.", Assert.Single(ex.Failures));
    }

    [Fact]
    public void ReadOptions_NonNumericLatency_ThrowsNamingTheSetting()
    {
        var configuration = ModelServerCommandLine.BuildConfiguration(["--latency-ms", "soon"]);

        var ex = Assert.Throws<OptionsValidationException>(() => ModelServerCommandLine.ReadOptions(configuration));

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("'soon' at 'ModelServer:LatencyMs'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildConfiguration_UnknownFlag_ThrowsListingKnownFlags()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => ModelServerCommandLine.BuildConfiguration(["--latency", "5"]));

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith("Unknown argument(s) --latency, 5. Known flags: ", failure, StringComparison.Ordinal);
        Assert.Contains("--latency-ms", failure, StringComparison.Ordinal);
    }
}
