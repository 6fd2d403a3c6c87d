using System.CommandLine;
using System.Globalization;
using OrleansMesh.Cli.Output;
using OrleansMesh.ControlPlane;
using OrleansMesh.Inference;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl describe pool NAME</c>: an InferencePool's members with the load its grain last scraped and pushed
/// (waiting, running, KV cache, adapters, what the gateways sent since, age, scrape error), and its objectives.
/// </summary>
internal sealed class DescribePoolCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The InferencePool's name." };
        var @namespace = CommonOptions.Namespace();
        var output = OutputFormat.Create();
        var pool = new Command("pool", "Show an InferencePool's members, the load the endpoint picker sees, and its objectives.") { name, @namespace, output };
        pool.Aliases.Add("inferencepool");
        pool.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new DescribePoolCommand(context).RunAsync(parse.GetRequiredValue(name), parse.GetRequiredValue(@namespace), parse.GetRequiredValue(output), cancellationToken)));
        return pool;
    }

    public async Task<int> RunAsync(string name, string @namespace, string output, CancellationToken cancellationToken)
    {
        var grains = await context.GrainsAsync(cancellationToken);
        var host = InferencePoolHosts.Host(name, @namespace);
        var snapshot = await grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).GetSnapshotAsync();
        var table = snapshot.Tables.FirstOrDefault(t => string.Equals(t.Host, host, StringComparison.OrdinalIgnoreCase) && t.Pool is not null)
            ?? throw new MeshCtlException(ExitCodes.ConfigError, $"InferencePool \"{name}\" not found in namespace \"{@namespace}\"");
        var load = await grains.GetGrain<IInferencePoolGrain>(host).GetAsync();
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, new { Host = host, table.Pool, Members = table.Service?.Endpoints.Length ?? 0, Load = load });
            return ExitCodes.Ok;
        }

        var text = context.Out;
        text.WriteLine($"Name:        {name}");
        text.WriteLine($"Namespace:   {@namespace}");
        text.WriteLine($"Route host:  {host}");
        text.WriteLine($"Target port: {table.Pool!.TargetPort}");
        text.WriteLine($"Objectives:  {(table.Pool.Objectives.IsEmpty ? "<none>" : string.Join(", ", table.Pool.Objectives.OrderByDescending(o => o.Value).Select(o => $"{o.Key} (priority {o.Value})")))}");
        text.WriteLine($"Members:     {table.Service?.Endpoints.Length ?? 0} in config; load as last pushed to the gateways (push {load.Sequence}):");
        if (load.Endpoints.IsDefaultOrEmpty)
        {
            text.WriteLine("  <no load yet: no gateway serves the pool, or the pool grain has not scraped it>");
            return ExitCodes.Ok;
        }

        text.WriteLine("  ENDPOINT               WAITING  RUNNING  KV CACHE  SENT SINCE  AGE      ADAPTERS (RUNNING/WAITING/MAX)  SCRAPE");
        foreach (var e in load.Endpoints)
        {
            var age = e.Age == TimeSpan.MaxValue ? "never" : string.Create(CultureInfo.InvariantCulture, $"{e.Age.TotalMilliseconds:0} ms");
            var adapters = $"{Join(e.RunningAdapters)}/{Join(e.WaitingAdapters)}/{e.MaxLora}";
            text.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {e.Endpoint,-22} {e.Waiting,7}  {e.Running,7}  {e.KvCacheUsage,8:P0}  {e.Dispatched,10}  {age,-8} {adapters,-31} {e.Error ?? "ok"}"));
        }

        return ExitCodes.Ok;
    }

    private static string Join(System.Collections.Immutable.ImmutableArray<string> names) => names.IsDefaultOrEmpty ? "-" : string.Join(',', names);
}
