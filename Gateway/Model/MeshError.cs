namespace OrleansMesh.Gateway.Model;

/// <summary>The JSON body of a response the mesh makes: <c>{"error":{"code":…,"message":…}}</c>.</summary>
internal sealed record MeshError(MeshErrorDetail Error);
