using System.CommandLine;
using OrleansMesh.Cli.Output;
using OrleansMesh.Networking;
using OrleansMesh.Rollouts;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl rollout status|promote|abort|pause|resume NAME</c>: a Rollout's driver, as <c>kubectl argo rollouts</c>
/// drives Argo's. The actions need the mesh admin token when the silo has one.
/// </summary>
internal sealed class RolloutCommand(CliContext context)
{
    private delegate Task<RolloutStatus?> Operation(IRolloutGrain driver);

    public static Command Create(CliContext context) => new("rollout", "Show or steer a Rollout: phase, canary weight, checks; promote, abort, pause, resume.")
    {
        Verb(context, "status", "Show the phase, canary weight, the last check's figures against their ranges, and the history.", d => d.GetStatusAsync()),
        Verb(context, "promote", "Promote now: all traffic to the canary (phase Succeeded).", async d => await d.PromoteAsync()),
        Verb(context, "abort", "Roll back now: all traffic to the stable subset (phase Failed).", async d => await d.AbortAsync()),
        Verb(context, "pause", "Hold the weights and stop checking.", async d => await d.PauseAsync()),
        Verb(context, "resume", "Check again, the next check one interval from now.", async d => await d.ResumeAsync()),
    };

    private async Task<int> RunAsync(string verb, Operation operation, string name, string ns, string output, CancellationToken cancellationToken)
    {
        var grains = await context.GrainsAsync(cancellationToken);
        var stored = await (await context.ConfigGrainAsync(cancellationToken)).ListAsync(ResourceKind.Rollout, ns, name);
        if (stored.IsEmpty)
        {
            throw new MeshCtlException(ExitCodes.ConfigError, $"Error from server (NotFound): rollouts \"{name}\" not found in namespace \"{ns}\"");
        }

        var status = await operation(grains.GetGrain<IRolloutGrain>(IRolloutGrain.KeyOf(ns, name)));
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, status);
        }
        else if (status is null)
        {
            await context.Out.WriteLineAsync($"rollout {ns}/{name}: stored, its driver has not started yet (it starts within seconds)");
        }
        else if (verb == "status")
        {
            RolloutStatusWriter.Write(context.Out, status);
        }
        else
        {
            await context.Out.WriteLineAsync($"rollout {ns}/{name}: {RolloutStatusWriter.Summary(status)}");
        }

        return ExitCodes.Ok;
    }

    private static Command Verb(CliContext context, string verb, string description, Operation operation)
    {
        var name = new Argument<string>("NAME") { Description = "The Rollout's name." };
        var ns = CommonOptions.Namespace();
        var output = OutputFormat.Create();
        var command = new Command(verb, description) { name, ns, output };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new RolloutCommand(context).RunAsync(verb, operation, parse.GetRequiredValue(name), parse.GetRequiredValue(ns), parse.GetRequiredValue(output), cancellationToken)));
        return command;
    }
}
