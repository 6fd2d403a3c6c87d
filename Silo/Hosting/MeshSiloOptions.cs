using OrleansMesh.Hosting;

namespace OrleansMesh.Silo.Hosting;

/// <summary>
/// What only a silo needs, bound from the <c>OrleansMesh</c> configuration section; how it joins the cluster is in
/// <see cref="MeshClusterOptions"/>, bound from the same section.
/// </summary>
public sealed class MeshSiloOptions
{
    /// <summary>The configuration section the options are bound from: <c>OrleansMesh</c>.</summary>
    public const string SectionName = MeshClusterOptions.SectionName;

    /// <summary>
    /// Where grain state is kept: <c>Sqlite</c> (a file under <see cref="DataDirectory"/>, survives restarts)
    /// or <c>Memory</c> (lost on exit). Default: <c>Sqlite</c>. Env: <c>OrleansMesh__Storage</c>.
    /// </summary>
    public string Storage { get; set; } = MeshSiloDefaults.Storage;

    /// <summary>
    /// The directory of the SQLite database (<c>mesh.db</c>); relative paths are resolved against the content root.
    /// Default: <c>.mesh</c>. Env: <c>OrleansMesh__DataDirectory</c>.
    /// </summary>
    public string DataDirectory { get; set; } = MeshSiloDefaults.DataDirectory;
}
