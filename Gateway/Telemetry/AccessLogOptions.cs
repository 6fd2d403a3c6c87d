using System.ComponentModel.DataAnnotations;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>The access log, from the <c>OrleansMesh:Gateway:AccessLog</c> section.</summary>
internal sealed class AccessLogOptions
{
    public const string SectionName = MeshGatewayOptions.SectionName + ":AccessLog";

    /// <summary>
    /// Whether one JSON line is written per request. Default: on in the <c>Development</c> environment, off elsewhere.
    /// Env: <c>OrleansMesh__Gateway__AccessLog__Enabled</c>.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The file lines are appended to; empty or <c>-</c> for standard output (what a container's log collector reads).
    /// Default: standard output. Env: <c>OrleansMesh__Gateway__AccessLog__Path</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Lines waiting to be written; past that, new lines are dropped and counted (<c>orleansmesh_access_log_dropped</c>)
    /// rather than slow the requests down. Default: 16384.
    /// </summary>
    [Range(16, 1 << 22)]
    public int Capacity { get; set; } = 16384;
}
