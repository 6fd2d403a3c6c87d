namespace OrleansMesh.Integration.Tests.Traffic;

/// <summary>What a <see cref="RecordingBackend"/> received.</summary>
internal sealed record ReceivedRequest(string Host, string Method, string PathAndQuery, byte[] Body);
