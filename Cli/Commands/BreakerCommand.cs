using System.CommandLine;
using OrleansMesh.Cli.Output;
using OrleansMesh.Resilience;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl breaker open|close|reset HOST[/SUBSET]</c>: an operator's hold on a destination's cluster-wide breaker.
/// Every gateway enforces it at its next word from the destination's health grain.
/// </summary>
internal sealed class BreakerCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var command = new Command("breaker", "Hold a destination's circuit breaker open or closed for the whole mesh, or release the hold.")
        {
            Verb(context, "open", BreakerOverride.ForcedOpen, "Hold the breaker open: every gateway rejects the destination's requests (503) until released."),
            Verb(context, "close", BreakerOverride.ForcedClosed, "Hold the breaker closed: requests pass whatever their outcomes."),
            Verb(context, "reset", BreakerOverride.None, "Release any hold and reset the breaker to closed with an empty window."),
        };
        return command;
    }

    public async Task<int> RunAsync(string destination, BreakerOverride hold, string output, CancellationToken cancellationToken)
    {
        var (_, _, key) = DestinationArgument.Parse(destination);
        var grains = await context.GrainsAsync(cancellationToken);
        var view = BreakerView.From(await grains.GetGrain<IDestinationHealthGrain>(key).OverrideAsync(hold));
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, view);
        }
        else
        {
            await context.Out.WriteLineAsync($"breaker {destination}: {view.StateText}");
        }

        return ExitCodes.Ok;
    }

    private static Command Verb(CliContext context, string name, BreakerOverride hold, string description)
    {
        var destination = new Argument<string>("DESTINATION") { Description = "HOST or HOST/SUBSET, e.g. reviews or reviews/v2." };
        var output = OutputFormat.Create();
        var command = new Command(name, description) { destination, output };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new BreakerCommand(context).RunAsync(parse.GetRequiredValue(destination), hold, parse.GetRequiredValue(output), cancellationToken)));
        return command;
    }
}
