using System.ComponentModel.DataAnnotations;

namespace OrleansMesh.Gateway.Hosting;

/// <summary>How a gateway finds the control-plane cluster, from the <c>OrleansMesh</c> section (env: <c>OrleansMesh__…</c>).</summary>
internal sealed class MeshClusterOptions
{
    public const string SectionName = "OrleansMesh";

    /// <summary>Membership provider. Default: <c>Localhost</c> (the dev mesh).</summary>
    [AllowedValues("Localhost", ErrorMessage = "OrleansMesh:Clustering must be 'Localhost'.")]
    public string Clustering { get; set; } = "Localhost";

    /// <summary>The silos' client (gateway) port. Default: 30000, Orleans' own.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The Orleans cluster id. Default: <c>orleansmesh-dev</c>.</summary>
    [Required]
    public string ClusterId { get; set; } = "orleansmesh-dev";

    /// <summary>The Orleans service id. Default: <c>orleansmesh</c>.</summary>
    [Required]
    public string ServiceId { get; set; } = "orleansmesh";
}
