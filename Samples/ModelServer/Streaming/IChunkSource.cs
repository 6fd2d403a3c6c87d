namespace OrleansMesh.Samples.ModelServer.Streaming;

/// <summary>The events of one streamed answer: a chunk per token, then a closing chunk with finish reason and usage.</summary>
internal interface IChunkSource<out TChunk>
{
    int TokenCount { get; }

    TChunk TokenChunk(int index);

    TChunk FinalChunk();
}
