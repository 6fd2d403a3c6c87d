namespace OrleansMesh.Silo.Hosting;

/// <summary>How the control-plane silo runs; bound from the <c>OrleansMesh</c> configuration section.</summary>
public sealed class MeshSiloOptions
{
    /// <summary>The configuration section the options are bound from: <c>OrleansMesh</c>.</summary>
    public const string SectionName = MeshSiloDefaults.SectionName;

    /// <summary>How silos find each other. Only <c>Localhost</c> for now. Default: <c>Localhost</c>.</summary>
    public string Clustering { get; set; } = MeshSiloDefaults.Clustering;

    /// <summary>
    /// Where grain state is kept: <c>Sqlite</c> (a file under <see cref="DataDirectory"/>, survives restarts)
    /// or <c>Memory</c> (lost on exit). Default: <c>Sqlite</c>.
    /// </summary>
    public string Storage { get; set; } = MeshSiloDefaults.Storage;

    /// <summary>
    /// The directory of the SQLite database (<c>mesh.db</c>); relative paths are resolved against the content root.
    /// Default: <c>.mesh</c>.
    /// </summary>
    public string DataDirectory { get; set; } = MeshSiloDefaults.DataDirectory;

    /// <summary>The port silos talk to each other on. Default: 11111.</summary>
    public int SiloPort { get; set; } = MeshSiloDefaults.SiloPort;

    /// <summary>The port Orleans clients (gateways, meshctl) connect to. Default: 30000.</summary>
    public int GatewayPort { get; set; } = MeshSiloDefaults.GatewayPort;

    /// <summary>The Orleans cluster id; silos with the same id form one cluster. Default: <c>orleansmesh-dev</c>.</summary>
    public string ClusterId { get; set; } = MeshSiloDefaults.ClusterId;

    /// <summary>The Orleans service id; stored state is scoped to it. Default: <c>orleansmesh</c>.</summary>
    public string ServiceId { get; set; } = MeshSiloDefaults.ServiceId;
}
