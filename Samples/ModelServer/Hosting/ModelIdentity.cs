using Microsoft.Extensions.Primitives;

namespace OrleansMesh.Samples.ModelServer.Hosting;

/// <summary>Name and version in the forms every response needs, computed once instead of per request.</summary>
internal sealed class ModelIdentity(ModelServerOptions options)
{
    public string Name { get; } = options.Name;

    public string Version { get; } = options.Version;

    /// <summary>"&lt;name&gt;-&lt;version&gt;": the <c>system_fingerprint</c> and the left side of <c>x-served-by</c>.</summary>
    public string Fingerprint { get; } = $"{options.Name}-{options.Version}";

    public StringValues NameHeader { get; } = new(options.Name);

    public StringValues VersionHeader { get; } = new(options.Version);
}
