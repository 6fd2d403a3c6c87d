namespace OrleansMesh.Deployment.Tests.Chaos;

/// <summary>The faults the chaos schedule draws from.</summary>
internal enum ChaosFaultKind
{
    /// <summary>kill -9 a silo, start a new one a few seconds later.</summary>
    KillSilo,

    /// <summary>kill -9 a gateway, start it again on its ports.</summary>
    KillGateway,

    /// <summary>kill -9 a model server, start it again on its port.</summary>
    KillModelServer,

    /// <summary>Stop and start Redis (membership and storage).</summary>
    RestartRedis,

    /// <summary>300 ms of latency each way in front of one model server.</summary>
    Delay,
}
