using System.CommandLine;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl identity token revoke ID</c>: the token gets no more certificates; those already issued stay valid (revoke them with <c>meshctl certs revoke</c>).</summary>
internal sealed class IdentityTokenRevokeCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The token's id, as 'meshctl identity token list' shows it." };
        var command = new Command("revoke", "Revoke a join token: the CA refuses it from now on; issued certificates stay valid.") { id };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new IdentityTokenRevokeCommand(context).RunAsync(parse.GetRequiredValue(id), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(string id, CancellationToken cancellationToken)
    {
        var grains = await context.GrainsAsync(cancellationToken);
        if (!await grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey).RevokeJoinTokenAsync(id))
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"no unexpired join token has id {id}; see 'meshctl identity token list'");
        }

        await context.Out.WriteLineAsync($"join token {id.ToLowerInvariant()} revoked");
        return ExitCodes.Ok;
    }
}
