using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Inference;

/// <summary>Settings of model-inference traffic, from the <c>OrleansMesh:Gateway:Inference</c> section.</summary>
internal sealed class InferenceOptions
{
    public const string SectionName = "OrleansMesh:Gateway:Inference";

    /// <summary>1 MiB.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Largest body of an OpenAI-compatible request (<c>/v1/chat/completions</c>, <c>/v1/completions</c>,
    /// <c>/v1/embeddings</c>) the gateway reads to find the model; a larger one is refused with 413. The body is held in
    /// pooled memory for the request's lifetime (and replayed from there on a retry). Default: 1 MiB.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "OrleansMesh:Gateway:Inference:MaxBodyBytes must be between 1024 (1 KiB) and 67108864 (64 MiB).")]
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
