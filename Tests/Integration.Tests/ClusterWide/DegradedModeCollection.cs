namespace OrleansMesh.Integration.Tests.ClusterWide;

/// <summary>Counts requests against thresholds: run alone, not beside other collections' load.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DegradedModeCollection
{
    public const string Name = "degraded mode";
}
