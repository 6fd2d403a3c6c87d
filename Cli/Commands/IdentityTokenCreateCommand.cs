using System.CommandLine;
using OrleansMesh.Security.Identity;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl identity token create --namespace NS --service-account SA [--ttl 24h]</c>: prints the token and nothing
/// else, so <c>kubectl create secret generic … --from-literal=token=$(meshctl identity token create …)</c> works.
/// </summary>
internal sealed class IdentityTokenCreateCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var @namespace = CommonOptions.Namespace();
        @namespace.Description = "The namespace of the workloads the token is for.";
        var serviceAccount = new Option<string>("--service-account", "-s")
        {
            Description = "The service account of the workloads the token is for.",
            Required = true,
            HelpName = "SERVICE-ACCOUNT",
        };
        var ttl = new Option<string?>("--ttl") { Description = "How long the token is accepted, e.g. 1h, 24h, 30d (default: the CA's, 24h; at most 365d).", HelpName = "DURATION" };
        var command = new Command("create", "Create a join token for one namespace and service account and print it (only it).") { @namespace, serviceAccount, ttl };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () => new IdentityTokenCreateCommand(context).RunAsync(
            parse.GetRequiredValue(@namespace), parse.GetRequiredValue(serviceAccount), parse.GetValue(ttl), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(string @namespace, string serviceAccount, string? ttl, CancellationToken cancellationToken)
    {
        if (!SpiffeId.TryParse($"spiffe://td/ns/{@namespace}/sa/{serviceAccount}", out _))
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"namespace '{@namespace}' and service account '{serviceAccount}' must be non-empty and use only letters, digits, '.', '-' and '_'");
        }

        var lifetime = ttl is null ? (TimeSpan?)null : TtlArgument.Parse(ttl);
        var grains = await context.GrainsAsync(cancellationToken);
        CreatedJoinToken created;
        try
        {
            created = await grains.GetGrain<ICertificateAuthorityGrain>(ICertificateAuthorityGrain.DefaultKey).CreateJoinTokenAsync(@namespace, serviceAccount, lifetime);
        }
        catch (ArgumentException e)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, e.Message);
        }

        await context.Out.WriteLineAsync(created.Token);
        return ExitCodes.Ok;
    }
}
