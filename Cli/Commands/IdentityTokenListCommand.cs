using System.CommandLine;
using System.Globalization;
using OrleansMesh.Cli.Output;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl identity token list</c>: id, identity, expiry and status of every unexpired join token (never the token itself).</summary>
internal sealed class IdentityTokenListCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List the unexpired join tokens, revoked ones included (ids only: a token cannot be shown again).");
        command.SetAction((_, cancellationToken) => CommandGuard.RunAsync(context.Error, () => new IdentityTokenListCommand(context).RunAsync(cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var grains = await context.GrainsAsync(cancellationToken);
        var tokens = await grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey).ListJoinTokensAsync();
        if (tokens.IsEmpty)
        {
            await context.Error.WriteLineAsync("No join tokens.");
            return ExitCodes.Ok;
        }

        TableWriter.Write(context.Out, ["ID", "NAMESPACE", "SERVICE-ACCOUNT", "EXPIRES", "STATUS"], [.. tokens.Select(t => (IReadOnlyList<string>)
        [
            t.Id,
            t.Namespace,
            t.ServiceAccount,
            t.ExpiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            t.RevokedAt is null ? "Valid" : "Revoked",
        ])]);
        return ExitCodes.Ok;
    }
}
