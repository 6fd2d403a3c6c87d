using System.CommandLine;
using OrleansMesh.Cli.Commands;

namespace OrleansMesh.Cli;

/// <summary>meshctl's commands, on any streams and any way of reaching the mesh, so tests run them against a test cluster.</summary>
internal static class MeshCtl
{
    /// <summary>Runs one meshctl command line against an already connected mesh.</summary>
    public static Task<int> RunAsync(string[] args, IGrainFactory grains, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, _ => Task.FromResult(grains), stdin, stdout, stderr);

    /// <summary>Runs one meshctl command line; <paramref name="connect"/> is called only by commands that need the mesh.</summary>
    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    public static Task<int> RunAsync(
        string[] args, Func<CancellationToken, Task<IGrainFactory>> connect, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(connect, stdin, stdout, stderr);
        var root = new RootCommand(
            """
            meshctl manages the OrleansMesh control plane with Istio networking YAML (networking.istio.io),
            as kubectl does a Kubernetes cluster. It connects to the mesh's Orleans gateway set by the
            environment variables OrleansMesh__GatewayPort (default 30000), OrleansMesh__ClusterId
            (default orleansmesh-dev), OrleansMesh__ServiceId (default orleansmesh) and OrleansMesh__Clustering
            (Localhost). Exit codes: 0 done, 1 bad config or usage, or refused by the mesh, 2 mesh unreachable,
            3 'diff' found changes.

            Examples:
              meshctl apply -f bookinfo/ --dry-run     validate a directory against the mesh, change nothing
              meshctl apply -f destination-rule-all.yaml -f virtual-service-all-v1.yaml
              meshctl get vs -A                        VirtualServices of every namespace
              meshctl get dr reviews -o yaml           one DestinationRule as YAML
              meshctl delete vs reviews                delete one resource
              meshctl describe service reviews         routes, subsets, endpoints and breakers of a service
              meshctl diff -f virtual-service-reviews-50-v3.yaml
              meshctl analyze -f samples/              warnings before applying
              meshctl breaker open reviews/v3          hold a destination's breaker open
              meshctl status                           silos, gateways and the config generation
              meshctl identity token create -n models -s chat-model --ttl 24h
                                                       a join token for a workload's first certificate
            """)
        {
            ApplyCommand.Create(context),
            GetCommand.Create(context),
            DeleteCommand.Create(context),
            DescribeCommand.Create(context),
            BreakerCommand.Create(context),
            DiffCommand.Create(context),
            AnalyzeCommand.Create(context),
            StatusCommand.Create(context),
            TopCommand.Create(context),
            RolloutCommand.Create(context),
            CertsCommand.Create(context, connect),
            IdentityCommand.Create(context),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
