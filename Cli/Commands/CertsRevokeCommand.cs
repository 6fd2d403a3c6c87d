using System.CommandLine;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl certs revoke SERIAL</c>: gateways and mesh servers refuse the certificate within seconds (their next revocation poll).</summary>
internal sealed class CertsRevokeCommand(CliContext context, Func<CancellationToken, Task<IGrainFactory>> connect)
{
    public static Command Create(CliContext context, Func<CancellationToken, Task<IGrainFactory>> connect)
    {
        var serial = new Argument<string>("SERIAL") { Description = "The certificate's serial number, hex as 'meshctl certs list' shows it." };
        var command = new Command("revoke", "Revoke a certificate: every gateway refuses it within seconds.") { serial };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new CertsRevokeCommand(context, connect).RunAsync(parse.GetRequiredValue(serial), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(string serial, CancellationToken cancellationToken)
    {
        var grains = await connect(cancellationToken);
        if (!await grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey).RevokeAsync(serial))
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"no unexpired certificate has serial {serial}; see 'meshctl certs list'");
        }

        await context.Out.WriteLineAsync($"certificate {serial.ToUpperInvariant()} revoked");
        return ExitCodes.Ok;
    }
}
