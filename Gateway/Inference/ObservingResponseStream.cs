using OrleansMesh.Gateway.Telemetry;

namespace OrleansMesh.Gateway.Inference;

/// <summary>The response body of an inference request: written through, each write then shown to the <see cref="ResponseObserver"/>.</summary>
internal sealed class ObservingResponseStream(Stream inner, ResponseObserver observer) : WriteThroughStream(inner)
{
    protected override void OnWritten(ReadOnlySpan<byte> written) => observer.OnWrite(written);
}
