using System.Collections.Frozen;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// Every fuzz target, by name, as a factory: under afl++ a target must be created inside SharpFuzz's loop, because
/// instrumented code (our constructors included) may only run once the loop has set up the coverage map.
/// </summary>
internal static class FuzzTargets
{
    public static FrozenDictionary<string, Func<IFuzzTarget>> All { get; } = new Dictionary<string, Func<IFuzzTarget>>
    {
        ["yaml"] = () => new IstioYamlTarget(),
        ["jwt"] = () => new JwtTarget(),
        ["path"] = () => new PathNormalizerTarget(),
        ["framing"] = () => new Http1FramingTarget(),
        ["inference-body"] = () => new InferenceBodyTarget(),
        ["sse-usage"] = () => new SseUsageTarget(),
        ["json-usage"] = () => new JsonUsageTarget(),
        ["jwks"] = () => new JwksTarget(),
        ["join-token"] = () => new JoinTokenTarget(),
        ["prometheus-text"] = () => new PrometheusTextTarget(),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
