using System.Net;

namespace OrleansMesh.Integration.Tests.Resilience;

/// <summary>A body without Content-Length: HttpClient sends it chunked.</summary>
internal sealed class UnknownLengthContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
