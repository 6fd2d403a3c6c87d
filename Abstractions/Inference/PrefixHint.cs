namespace OrleansMesh.Inference;

/// <summary>A prompt block (chained hash of the prompt up to the block's end) and the endpoint it was last sent to.</summary>
[GenerateSerializer, Immutable, Alias("om.PrefixHint")]
public readonly record struct PrefixHint([property: Id(0)] ulong Block, [property: Id(1)] string Endpoint);
