using Microsoft.Extensions.Options;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>Rejects settings the server cannot honour, naming the flag to fix and the range it takes.</summary>
internal sealed class ModelServerOptionsValidator : IValidateOptions<ModelServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        CheckIdentifier(failures, "--name", options.Name);
        CheckIdentifier(failures, "--version", options.Version);
        CheckRange(failures, "--latency-ms", options.LatencyMs, 0, ModelServerDefaults.MaxDelayMs, "milliseconds waited before answering");
        CheckRange(failures, "--token-delay-ms", options.TokenDelayMs, 0, ModelServerDefaults.MaxDelayMs, "milliseconds between streamed tokens");
        if (!(options.ErrorRate is >= 0 and <= 1))
        {
            failures.Add(FormattableString.Invariant(
                $"--error-rate must be between 0 and 1 (the share of requests answered 500), but was {options.ErrorRate}; e.g. --error-rate 0.1 fails one request in ten."));
        }

        CheckRange(failures, "--max-tokens-limit", options.MaxTokensLimit, 1, 1_000_000, "the largest max_tokens a request may ask for");
        CheckRange(failures, "--default-max-tokens", options.DefaultMaxTokens, 1, options.MaxTokensLimit, "tokens generated when a request sets no max_tokens, at most --max-tokens-limit");
        CheckRange(failures, "--embedding-dimensions", options.EmbeddingDimensions, 1, ModelServerDefaults.MaxEmbeddingDimensions, "the length of embedding vectors");
        CheckInterval(failures, options.PeerAuthenticationPollInterval);
        CheckEngine(failures, options);
        failures.AddRange(new WorkloadIdentityOptions { JoinToken = options.JoinToken, JoinTokenFile = options.JoinTokenFile }.Validate()
            .Select(f => $"ModelServer__{f}"));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every failure, so one start shows all mistakes.</summary>
    public static void ThrowIfInvalid(ModelServerOptions options)
    {
        var result = new ModelServerOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(ModelServerDefaults.SectionName, typeof(ModelServerOptions), result.Failures);
        }
    }

    private static void CheckInterval(List<string> failures, TimeSpan interval)
    {
        if (interval < ModelServerDefaults.MinPeerAuthenticationPollInterval || interval > ModelServerDefaults.MaxPeerAuthenticationPollInterval)
        {
            failures.Add(FormattableString.Invariant(
                $"ModelServer__PeerAuthenticationPollInterval must be between {ModelServerDefaults.MinPeerAuthenticationPollInterval} and {ModelServerDefaults.MaxPeerAuthenticationPollInterval} (how often MeshTls Mesh re-reads the mesh's PeerAuthentication), but was {interval}; e.g. 00:00:02."));
        }
    }

    private static void CheckEngine(List<string> failures, ModelServerOptions options)
    {
        CheckRange(failures, "--max-running", options.MaxRunning, 1, 10_000, "requests in the engine's batch at once");
        CheckMs(failures, "--decode-ms", options.DecodeMs, "one decode step with a batch of one");
        CheckMs(failures, "--decode-ms-per-running", options.DecodeMsPerRunning, "added to a decode step per further running request");
        CheckMs(failures, "--prefill-ms-per-token", options.PrefillMsPerToken, "prefill per uncached prompt token");
        CheckRange(failures, "--block-tokens", options.BlockTokens, 1, 4096, "tokens per KV-cache block");
        CheckRange(failures, "--kv-cache-tokens", options.KvCacheTokens, Math.Max(1, options.BlockTokens), 100_000_000, "the KV cache size, at least one block");
        CheckRange(failures, "--max-lora", options.MaxLora, 1, 1024, "LoRA adapters loaded at once");
        CheckRange(failures, "--lora-load-ms", options.LoraLoadMs, 0, ModelServerDefaults.MaxDelayMs, "time to load an adapter");
    }

    private static void CheckMs(List<string> failures, string flag, double value, string meaning)
    {
        if (!(value is >= 0 and <= ModelServerDefaults.MaxDelayMs))
        {
            failures.Add(FormattableString.Invariant($"{flag} must be between 0 and {ModelServerDefaults.MaxDelayMs} milliseconds ({meaning}), but was {value}."));
        }
    }

    private static void CheckRange(List<string> failures, string flag, int value, int min, int max, string meaning)
    {
        if (value < min || value > max)
        {
            failures.Add(FormattableString.Invariant($"{flag} must be between {min} and {max} ({meaning}), but was {value}."));
        }
    }

    // Name and version travel in HTTP headers and in x-served-by "<name>-<version>@<address>", so they stay header-safe and '@'-free.
    private static void CheckIdentifier(List<string> failures, string flag, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > ModelServerDefaults.MaxNameLength || !value.All(IsIdentifierChar))
        {
            failures.Add(FormattableString.Invariant(
                $"{flag} must be 1 to {ModelServerDefaults.MaxNameLength} letters, digits or . _ - : / (it is sent in HTTP headers), but was '{value}'."));
        }
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '/';
}
