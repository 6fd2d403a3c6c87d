namespace OrleansMesh.Silo.Dashboard;

/// <summary>The dashboard's settings, section <c>OrleansMesh:Dashboard</c> (env <c>OrleansMesh__Dashboard__*</c>).</summary>
internal sealed class DashboardOptions
{
    public const string SectionName = "OrleansMesh:Dashboard";

    /// <summary>
    /// Whether the silo serves <c>/dashboard/</c>. Default true; false for a silo whose HTTP listener is reachable by
    /// people who should not read the mesh's config and traffic (reading needs no token).
    /// </summary>
    public bool Enabled { get; set; } = true;
}
