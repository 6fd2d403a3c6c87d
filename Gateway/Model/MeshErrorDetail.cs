namespace OrleansMesh.Gateway.Model;

/// <summary>The reason inside a <see cref="MeshError"/>.</summary>
internal sealed record MeshErrorDetail(string Code, string Message);
