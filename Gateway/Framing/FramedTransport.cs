using System.IO.Pipelines;

namespace OrleansMesh.Gateway.Framing;

/// <summary>The transport Kestrel's HTTP/1.x parser is given: the checked input and the watched output.</summary>
internal sealed class FramedTransport(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
