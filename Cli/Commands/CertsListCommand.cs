using System.CommandLine;
using System.Globalization;
using OrleansMesh.Cli.Output;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl certs list</c>: serial, identity, expiry and status of every unexpired certificate the CA issued.</summary>
internal sealed class CertsListCommand(CliContext context, Func<CancellationToken, Task<IGrainFactory>> connect)
{
    public static Command Create(CliContext context, Func<CancellationToken, Task<IGrainFactory>> connect)
    {
        var command = new Command("list", "List the unexpired certificates the mesh CA issued, revoked ones included.");
        command.SetAction((_, cancellationToken) => CommandGuard.RunAsync(context.Error, () => new CertsListCommand(context, connect).RunAsync(cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var grains = await connect(cancellationToken);
        var issued = await grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey).ListIssuedAsync();
        if (issued.IsEmpty)
        {
            await context.Error.WriteLineAsync("No certificates issued.");
            return ExitCodes.Ok;
        }

        TableWriter.Write(context.Out, ["SERIAL", "IDENTITY", "NOT AFTER", "STATUS"], [.. issued.Select(c => (IReadOnlyList<string>)
        [
            c.SerialNumber,
            c.SpiffeId,
            c.NotAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            c.RevokedAt is null ? "Valid" : "Revoked",
        ])]);
        return ExitCodes.Ok;
    }
}
