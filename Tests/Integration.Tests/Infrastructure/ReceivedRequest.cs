namespace OrleansMesh.Integration.Tests.Infrastructure;

/// <summary>What a recording <see cref="StatusBackend"/> received.</summary>
internal sealed record ReceivedRequest(string Host, string Method, string PathAndQuery, byte[] Body);
