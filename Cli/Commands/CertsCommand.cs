using System.CommandLine;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl certs list|revoke</c>: the workload certificates the mesh CA issued.</summary>
internal static class CertsCommand
{
    public static Command Create(CliContext context, Func<CancellationToken, Task<IGrainFactory>> connect) =>
        new("certs", "Workload certificates issued by the mesh CA: list them, revoke one.")
        {
            CertsListCommand.Create(context, connect),
            CertsRevokeCommand.Create(context, connect),
        };
}
