namespace OrleansMesh.Gateway.Inference;

/// <summary>Headers the gateway sets on inference requests.</summary>
internal static class InferenceHeaders
{
    /// <summary>
    /// The body's <c>model</c>, as a request header VirtualService <c>match.headers</c> can test (Envoy AI Gateway's
    /// <c>x-ai-eg-model</c>). Set only by the gateway: a client's own is removed from every request.
    /// </summary>
    public const string Model = "x-mesh-model";
}
