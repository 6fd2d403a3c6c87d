using Microsoft.Extensions.Options;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Hosting;

public sealed class ModelServerOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_ErrorRateTwo_FailsNamingFlagAndRange()
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions { ErrorRate = 2 });

        var failure = Assert.Single(result.Failures!);
        Assert.Equal(
            "--error-rate must be between 0 and 1 (the share of requests answered 500), but was 2; e.g. --error-rate 0.1 fails one request in ten.",
            failure);
    }

    [Fact]
    public void Validate_ErrorRateNaN_Fails()
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions { ErrorRate = double.NaN });

        Assert.StartsWith("--error-rate must be between 0 and 1", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeLatency_FailsNamingFlagAndRange()
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions { LatencyMs = -5 });

        var failure = Assert.Single(result.Failures!);
        Assert.Equal("--latency-ms must be between 0 and 600000 (milliseconds waited before answering), but was -5.", failure);
    }

    [Fact]
    public void Validate_NegativeTokenDelay_Fails()
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions { TokenDelayMs = -1 });

        Assert.Equal(
            "--token-delay-ms must be between 0 and 600000 (milliseconds between streamed tokens), but was -1.",
            Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("name@host")]
    public void Validate_NameNotHeaderSafe_Fails(string name)
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions { Name = name });

        Assert.Equal(
            $"--name must be 1 to 128 letters, digits or . _ - : / (it is sent in HTTP headers), but was '{name}'.",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_DefaultMaxTokensAboveLimit_Fails()
    {
        var options = new ModelServerOptions { DefaultMaxTokens = 10, MaxTokensLimit = 5 };

        var result = new ModelServerOptionsValidator().Validate(null, options);

        Assert.StartsWith("--default-max-tokens must be between 1 and 5", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_JoinTokenOfAnotherShape_FailsNamingTheSettingAndTheCommand()
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions { JoinToken = "secret" });

        Assert.Equal(
            "ModelServer__JoinToken is not a join token (it starts with 'omjt.'; create one with 'meshctl identity token create --namespace NS --service-account SA').",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_JoinTokenAndJoinTokenFile_FailsAskingForOne()
    {
        var options = new ModelServerOptions { JoinToken = "omjt.cGF5bG9hZA.bWFj", JoinTokenFile = "/var/run/secrets/orleansmesh/token" };

        var result = new ModelServerOptionsValidator().Validate(null, options);

        Assert.Equal("ModelServer__JoinToken and JoinTokenFile are both set: set one.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_JoinTokenFileOnly_Succeeds()
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions { JoinTokenFile = "/var/run/secrets/orleansmesh/token" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsListingEveryFailure()
    {
        var options = new ModelServerOptions { ErrorRate = 2, LatencyMs = -5 };

        var ex = Assert.Throws<OptionsValidationException>(() => ModelServerApp.Create(options, "http://127.0.0.1:0"));

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.StartsWith("--error-rate", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("--latency-ms", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PeerAuthenticationPollIntervalZero_FailsNamingSettingAndRange()
    {
        var result = new ModelServerOptionsValidator().Validate(null, new ModelServerOptions { PeerAuthenticationPollInterval = TimeSpan.Zero });

        Assert.Equal(
            "ModelServer__PeerAuthenticationPollInterval must be between 00:00:00.1000000 and 00:05:00 (how often MeshTls Mesh re-reads the mesh's PeerAuthentication), but was 00:00:00; e.g. 00:00:02.",
            Assert.Single(result.Failures!));
    }
}
