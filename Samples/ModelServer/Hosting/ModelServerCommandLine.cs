using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>
/// Turns flags, environment and appsettings.json into <see cref="ModelServerOptions"/> and listen URLs,
/// with the usual ASP.NET precedence: appsettings.json &lt; environment &lt; command line.
/// </summary>
internal static class ModelServerCommandLine
{
    private const string UrlsKey = "urls";

    private static readonly FrozenDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--name"] = Key(nameof(ModelServerOptions.Name)),
        ["--version"] = Key(nameof(ModelServerOptions.Version)),
        ["--latency-ms"] = Key(nameof(ModelServerOptions.LatencyMs)),
        ["--token-delay-ms"] = Key(nameof(ModelServerOptions.TokenDelayMs)),
        ["--error-rate"] = Key(nameof(ModelServerOptions.ErrorRate)),
        ["--seed"] = Key(nameof(ModelServerOptions.Seed)),
        ["--default-max-tokens"] = Key(nameof(ModelServerOptions.DefaultMaxTokens)),
        ["--max-tokens-limit"] = Key(nameof(ModelServerOptions.MaxTokensLimit)),
        ["--embedding-dimensions"] = Key(nameof(ModelServerOptions.EmbeddingDimensions)),
        ["--request-log"] = Key(nameof(ModelServerOptions.RequestLog)),
        ["--engine"] = Key(nameof(ModelServerOptions.Engine)),
        ["--max-running"] = Key(nameof(ModelServerOptions.MaxRunning)),
        ["--decode-ms"] = Key(nameof(ModelServerOptions.DecodeMs)),
        ["--decode-ms-per-running"] = Key(nameof(ModelServerOptions.DecodeMsPerRunning)),
        ["--prefill-ms-per-token"] = Key(nameof(ModelServerOptions.PrefillMsPerToken)),
        ["--kv-cache-tokens"] = Key(nameof(ModelServerOptions.KvCacheTokens)),
        ["--block-tokens"] = Key(nameof(ModelServerOptions.BlockTokens)),
        ["--max-lora"] = Key(nameof(ModelServerOptions.MaxLora)),
        ["--lora-load-ms"] = Key(nameof(ModelServerOptions.LoraLoadMs)),
        ["--urls"] = UrlsKey,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public const string Usage = """
        OpenAI-compatible fake model server.
          --name <name>                 model name (default demo-model)
          --version <version>           model version (default v1)
          --urls <url;url>              listen addresses (default http://127.0.0.1:9001)
          --latency-ms <ms>             wait before answering (default 0)
          --token-delay-ms <ms>         wait between streamed tokens (default 20)
          --error-rate <0..1>           share of requests answered 500 (default 0)
          --seed <int>                  seed of the error-rate draw (default: unseeded)
          --default-max-tokens <n>      reply length without max_tokens (default 16)
          --max-tokens-limit <n>        largest max_tokens accepted (default 4096)
          --embedding-dimensions <n>    embedding length without dimensions (default 8)
          --request-log <file>          append each POST's x-request-id to this file (default: none)
        Simulated inference engine (off by default; vLLM metrics on GET /metrics when on):
          --engine <true|false>         run the engine (default false)
          --max-running <n>             requests in the batch at once; the rest wait (default 8)
          --decode-ms <ms>              one token's decode step with a batch of one (default 10)
          --decode-ms-per-running <ms>  added to a decode step per further running request (default 2)
          --prefill-ms-per-token <ms>   prefill per prompt token not in the prefix cache (default 0.5)
          --kv-cache-tokens <n>         KV cache size; a request holds prompt + max_tokens (default 16384)
          --block-tokens <n>            tokens (words) per cache block, the unit of prefix caching (default 16)
          --max-lora <n>                LoRA adapters loaded at once; model names other than --name are adapters (default 2)
          --lora-load-ms <ms>           time to load an adapter into a free slot (default 200)
        Every flag can also be set as ModelServer__<Property> in the environment or appsettings.json.
        """;

    public static bool WantsHelp(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>Reads configuration; unknown flags fail here rather than being silently ignored.</summary>
    public static IConfiguration BuildConfiguration(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var unknown = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            // "--flag value" or "--flag=value"; a value may itself start with '-' (a negative number), so it is skipped.
            var flag = args[i].Split('=', 2);
            if (!Flags.ContainsKey(flag[0]))
            {
                unknown.Add(args[i]);
            }
            else if (flag.Length == 1)
            {
                i++;
            }
        }

        if (unknown.Count > 0)
        {
            throw Invalid($"Unknown argument(s) {string.Join(", ", unknown)}. Known flags: {string.Join(", ", Flags.Keys.Order())}.");
        }

        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args, Flags)
            .Build();
    }

    /// <summary>Binds and validates the options; a value of the wrong type is reported with the key it came from.</summary>
    public static ModelServerOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ModelServerOptions options;
        try
        {
            options = configuration.GetSection(ModelServerDefaults.SectionName).Get<ModelServerOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new ModelServerOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw Invalid($"{ex.Message.TrimEnd('.')}. Flags map to {ModelServerDefaults.SectionName}:<Property>, e.g. --latency-ms 250 sets {Key(nameof(ModelServerOptions.LatencyMs))}.");
        }

        ModelServerOptionsValidator.ThrowIfInvalid(options);
        return options;
    }

    public static string[] ReadUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration[UrlsKey]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls is { Length: > 0 } ? urls : [ModelServerDefaults.Url];
    }

    private static string Key(string property) => $"{ModelServerDefaults.SectionName}:{property}";

    private static OptionsValidationException Invalid(string message) =>
        new(ModelServerDefaults.SectionName, typeof(ModelServerOptions), [message]);
}
