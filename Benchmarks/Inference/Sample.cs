namespace OrleansMesh.Benchmarks.Inference;

/// <summary>One measured request: time to first token and end to end (ms), or failed; and the server that answered.</summary>
internal readonly record struct Sample(double Ttft, double EndToEnd, bool Failed, string Server)
{
    /// <summary>When the request was sent, in ms from the start of the phase.</summary>
    public double SentAt { get; init; }
}
