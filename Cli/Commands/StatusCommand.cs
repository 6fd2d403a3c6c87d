using System.CommandLine;
using System.Globalization;
using OrleansMesh.Cli.Output;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl status</c>: the control plane's config generation, the cluster's silos, and the gateways subscribed to
/// config with the generation each said it served at its last renewal (<c>STALE</c> when behind).
/// </summary>
internal sealed class StatusCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var output = OutputFormat.Create();
        var command = new Command("status", "Show the silos, the connected gateways and whether each serves the current config.") { output };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new StatusCommand(context).RunAsync(parse.GetRequiredValue(output), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(string output, CancellationToken cancellationToken)
    {
        var grains = await context.GrainsAsync(cancellationToken);
        var config = grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey);
        var version = (await config.GetSnapshotAsync()).Version;
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var subscribers = await config.ListSubscribersAsync();
        var status = new MeshStatus(
            version.Generation,
            version.Epoch,
            [.. hosts.OrderBy(h => h.SiloAddress.ToParsableString(), StringComparer.Ordinal).Select(h => new SiloStatusView(h.SiloAddress.ToParsableString(), h.SiloName, h.Status.ToString(), new DateTimeOffset(h.StartTime, TimeSpan.Zero)))],
            [.. subscribers.Select(s => new GatewayStatusView(s.Id, s.Served?.Generation, Sync(s.Served, version), s.LastRenewed, s.LastAcknowledged))]);
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, status);
            return ExitCodes.Ok;
        }

        await context.Out.WriteLineAsync($"Config generation: {status.Generation} (epoch {status.Epoch:N})");
        await context.Out.WriteLineAsync();
        TableWriter.Write(context.Out, ["SILO", "NAME", "STATUS", "STARTED"], [.. status.Silos.Select(s => (IReadOnlyList<string>)[s.Address, s.Name, s.Status, Time(s.Started)])]);
        await context.Out.WriteLineAsync();
        if (status.Gateways.Count == 0)
        {
            await context.Out.WriteLineAsync("No gateways subscribed.");
        }
        else
        {
            TableWriter.Write(context.Out, ["GATEWAY", "GENERATION", "SYNC", "LAST RENEWED", "LAST ACK"], [.. status.Gateways.Select(g => (IReadOnlyList<string>)[g.Id, g.Generation?.ToString(CultureInfo.InvariantCulture) ?? "-", g.Sync, Time(g.LastRenewed), g.LastAcknowledged is { } acked ? Time(acked) : "-"])]);
        }

        return ExitCodes.Ok;
    }

    private static string Sync(MeshVersion? served, MeshVersion current) =>
        served is not { } version ? GatewayStatusView.Unknown
        : version == current ? GatewayStatusView.Synced
        : GatewayStatusView.Stale;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
