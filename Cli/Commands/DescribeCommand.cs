using System.CommandLine;
using OrleansMesh.Cli.Output;
using OrleansMesh.ControlPlane;
using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Cli.Commands;

/// <summary>
/// <c>meshctl describe service HOST</c>: a host's VirtualServices, DestinationRule, subsets with the endpoints they
/// select, the cluster-wide breaker of the service and of each subset, and the config generation.
/// </summary>
internal sealed class DescribeCommand(CliContext context)
{
    public static Command Create(CliContext context)
    {
        var host = new Argument<string>("HOST") { Description = "The service host, as VirtualServices and DestinationRules name it." };
        var output = OutputFormat.Create();
        var service = new Command("service", "Show how the mesh routes to a service and the state of its destinations.") { host, output };
        service.Aliases.Add("svc");
        service.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(context.Error, () =>
            new DescribeCommand(context).RunAsync(parse.GetRequiredValue(host), parse.GetRequiredValue(output), cancellationToken)));
        return new Command("describe", "Show details of a part of the mesh.") { service, DescribePoolCommand.Create(context) };
    }

    public async Task<int> RunAsync(string host, string output, CancellationToken cancellationToken)
    {
        var grains = await context.GrainsAsync(cancellationToken);
        var snapshot = await grains.GetGrain<IMeshConfigGrain>(IMeshConfigGrain.DefaultKey).GetSnapshotAsync();
        var table = snapshot.Tables.FirstOrDefault(t => string.Equals(t.Host, host, StringComparison.OrdinalIgnoreCase))
            ?? throw new MeshCtlException(ExitCodes.ConfigError, $"service \"{host}\" not found: no VirtualService, DestinationRule or ServiceEntry names it");

        var endpoints = table.Service?.Endpoints ?? [];
        var subsets = new List<SubsetDescription>();
        foreach (var subset in table.DestinationRule?.Spec.Subsets ?? [])
        {
            var selected = endpoints.Where(e => subset.Labels.All(l => e.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
            var health = await grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of(table.Host, subset.Name)).GetAsync();
            subsets.Add(new SubsetDescription(subset.Name, subset.Labels, [.. selected.Select(Address)], BreakerView.From(health)));
        }

        var description = new ServiceDescription(
            table.Host,
            snapshot.Generation,
            [.. table.VirtualServices.Select(Name)],
            table.DestinationRule is { } rule ? Name(rule) : null,
            [.. (table.Service?.Ports ?? []).Select(p => $"{p.Name} {p.Number}/{p.Protocol}")],
            BreakerView.From(await grains.GetGrain<IDestinationHealthGrain>(DestinationKey.Of(table.Host, null)).GetAsync()),
            subsets,
            [.. endpoints.Select(e => new EndpointDescription(Address(e), e.Labels))]);
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, description);
        }
        else
        {
            ServiceDescriptionWriter.Write(context.Out, description);
        }

        return ExitCodes.Ok;
    }

    private static string Name(MeshResource resource) => $"{resource.Metadata.Namespace}/{resource.Metadata.Name}";

    // An endpoint lists a port per service port name; the first (by name) stands for it in a one-line view.
    private static string Address(WorkloadEntrySpec endpoint) =>
        endpoint.Ports.IsEmpty ? endpoint.Address : $"{endpoint.Address}:{endpoint.Ports.OrderBy(p => p.Key, StringComparer.Ordinal).First().Value}";
}
