using System.CommandLine;

namespace OrleansMesh.Cli.Commands;

/// <summary><c>meshctl identity token create|list|revoke</c>: the join tokens workloads get their first certificate with.</summary>
internal static class IdentityCommand
{
    public static Command Create(CliContext context) =>
        new("identity", "Workload identities: the join tokens that entitle workloads to their first mesh certificate.")
        {
            new Command("token", "Join tokens (as Kubernetes bootstrap tokens): one per namespace and service account, reusable by every replica until it expires.")
            {
                IdentityTokenCreateCommand.Create(context),
                IdentityTokenListCommand.Create(context),
                IdentityTokenRevokeCommand.Create(context),
            },
        };
}
