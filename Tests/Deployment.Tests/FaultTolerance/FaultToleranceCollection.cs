namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>
/// The fault scenario runs alone: eight processes, a Redis container and a steady load are all a 2-core machine can
/// take, and its timings (convergence within 2 s) mean nothing while other tests compete for the cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultToleranceCollection
{
    public const string Name = "Fault tolerance (processes)";
}
