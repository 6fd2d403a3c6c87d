using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli;

/// <summary>What a command runs with: the standard streams and a lazy connection to the mesh.</summary>
internal sealed class CliContext(Func<CancellationToken, Task<IGrainFactory>> connect, TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    public TextReader In { get; } = stdin;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>Connects on first use, so that commands failing on their input never wait for the mesh.</summary>
    public async Task<IMeshConfigGrain> ConfigGrainAsync(CancellationToken cancellationToken)
    {
        var grains = await connect(cancellationToken);
        return grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);
    }

    /// <summary>The mesh's grains, connecting on first use.</summary>
    public Task<IGrainFactory> GrainsAsync(CancellationToken cancellationToken) => connect(cancellationToken);
}
