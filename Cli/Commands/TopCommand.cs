using System.CommandLine;
using System.Globalization;
using OrleansMesh.Cli.Output;
using OrleansMesh.Configuration;
using OrleansMesh.ControlPlane;
using OrleansMesh.Telemetry;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl top [HOST] [--window 30s] [--endpoints]</c>, as <c>kubectl top</c>: every gateway's live traffic to a
/// host (or to every host), by subset (or endpoint), from the cluster's telemetry grains: requests/s, success rate,
/// p50/p99 latency and time to first token (within 2 %: merged histograms), tokens/s.
/// </summary>
internal sealed class TopCommand(CliContext context)
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(30);

    public static Command Create(CliContext context)
    {
        var host = new Argument<string?>("HOST") { Description = "The service host; every host when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var window = new Option<string>("--window", "-w") { Description = "How far back to look: 1s to 1h (e.g. 30s, 5m). Default 30s.", DefaultValueFactory = _ => "30s" };
        var endpoints = new Option<bool>("--endpoints") { Description = "One row per endpoint instead of per subset." };
        var output = OutputFormat.Create();
        var command = new Command("top", "Show live traffic per service and subset across every gateway: requests/s, success rate, latency, time to first token, tokens/s.") { host, window, endpoints, output };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new TopCommand(context).RunAsync(parse.GetValue(host), parse.GetRequiredValue(window), parse.GetValue(endpoints), parse.GetRequiredValue(output), cancellationToken)));
        return command;
    }

    public async Task<int> RunAsync(string? host, string window, bool byEndpoint, string output, CancellationToken cancellationToken)
    {
        var span = ParseWindow(window);
        var grains = await context.GrainsAsync(cancellationToken);
        var hosts = host is not null
            ? [host]
            : (await grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).GetSnapshotAsync()).Tables.Select(t => t.Host).Order(StringComparer.Ordinal).ToArray();
        var services = await Task.WhenAll(hosts.Select(h => grains.GetGrain<ITelemetryGrain>(h).QueryAsync(span)));
        var rows = services
            .SelectMany(s => byEndpoint ? s.Endpoints : s.Subsets)
            .Where(s => s.Requests > 0)
            .Select(s => TopRow.From(s, span))
            .ToList();
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, rows);
            return ExitCodes.Ok;
        }

        if (rows.Count == 0)
        {
            await context.Out.WriteLineAsync($"No traffic in the last {Format(span)}{(host is null ? "" : $" to {host}")}.");
            return ExitCodes.Ok;
        }

        string[] headers = byEndpoint
            ? ["HOST", "SUBSET", "ENDPOINT", "RPS", "SUCCESS", "P50", "P99", "TTFT P99", "TOKENS IN/S", "TOKENS OUT/S"]
            : ["HOST", "SUBSET", "RPS", "SUCCESS", "P50", "P99", "TTFT P99", "TOKENS IN/S", "TOKENS OUT/S"];
        TableWriter.Write(context.Out, headers, [.. rows.Select(r => (IReadOnlyList<string>)(byEndpoint
            ? [r.Host, r.Subset, r.Endpoint, .. Figures(r)]
            : [r.Host, r.Subset, .. Figures(r)]))]);
        return ExitCodes.Ok;
    }

    private static string[] Figures(TopRow row) =>
    [
        row.RequestsPerSecond.ToString("0.##", CultureInfo.InvariantCulture),
        row.SuccessRate is { } rate ? rate.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "-",
        Milliseconds(row.LatencyP50Ms),
        Milliseconds(row.LatencyP99Ms),
        Milliseconds(row.TimeToFirstTokenP99Ms),
        row.InputTokensPerSecond.ToString("0.#", CultureInfo.InvariantCulture),
        row.OutputTokensPerSecond.ToString("0.#", CultureInfo.InvariantCulture),
    ];

    private static string Milliseconds(double? value) => value is { } ms ? ms.ToString(ms < 10 ? "0.##" : "0", CultureInfo.InvariantCulture) + "ms" : "-";

    private static TimeSpan ParseWindow(string value)
    {
        if (IstioDuration.TryParse(value, out var span) && span >= TimeSpan.FromSeconds(1) && span <= TimeSpan.FromHours(1))
        {
            return span;
        }

        throw new MeshCtlException(ExitCodes.ConfigError, $"--window '{value}' is not a duration from 1s to 1h (e.g. 30s, 5m, 1h)");
    }

    private static string Format(TimeSpan span) => IstioDuration.Format(span);
}
