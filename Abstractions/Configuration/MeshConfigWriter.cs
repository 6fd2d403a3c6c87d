using OrleansMesh.Networking;

namespace OrleansMesh.Configuration;

/// <summary>Writes resources back as Istio YAML that <see cref="MeshConfigLoader"/> reads to equal resources.</summary>
public static class MeshConfigWriter
{
    /// <summary>Writes the resources as a multi-document YAML text.</summary>
    public static string ToYaml(IEnumerable<MeshResource> resources) => "";
}
