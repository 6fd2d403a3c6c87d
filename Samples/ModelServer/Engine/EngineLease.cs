namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>
/// One running request's place in the batch: the wait before its first token (adapter load and prefill) and its KV-cache
/// blocks. Disposing it frees the place for the waiting queue; it is disposed once, however the answer ends.
/// </summary>
internal sealed class EngineLease(SimulatedEngine engine, EngineRequest request, int blocks, TimeSpan firstTokenDelay) : IDisposable
{
    private int released;

    public EngineRequest Request { get; } = request;

    public int Blocks { get; } = blocks;

    /// <summary>Adapter load still to come plus prefill of the uncached prompt tokens.</summary>
    public TimeSpan FirstTokenDelay { get; } = firstTokenDelay;

    /// <summary>The time of the next decode step, which grows with the batch running now.</summary>
    public TimeSpan NextTokenDelay() => engine.DecodeStep();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            engine.Release(this);
        }
    }
}
