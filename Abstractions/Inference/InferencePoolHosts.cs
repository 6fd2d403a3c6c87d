namespace OrleansMesh.Inference;

/// <summary>
/// How routes name a pool: a VirtualService destination (or fallback, or mirror) with host
/// <c>NAME.NAMESPACE.inferencepool</c> sends to the <see cref="InferencePool"/> NAME of NAMESPACE. A suffix no DNS name
/// uses, so it never shadows a real service, and the namespace is explicit, as Istio's own
/// <c>NAME.NAMESPACE.svc.cluster.local</c> is.
/// </summary>
public static class InferencePoolHosts
{
    /// <summary>The suffix of every pool host.</summary>
    public const string Suffix = ".inferencepool";

    /// <summary>The host of pool <paramref name="name"/> in <paramref name="namespace"/>, lower case.</summary>
    public static string Host(string name, string @namespace) =>
        $"{name}.{@namespace}{Suffix}".ToLowerInvariant();

    /// <summary>True when <paramref name="host"/> names a pool.</summary>
    public static bool IsPoolHost(string host) => host.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);
}
