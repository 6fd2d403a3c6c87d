namespace OrleansMesh.Gateway.Scheduling;

/// <summary>Why the picker chose as it did; a metric tag and part of the debug header.</summary>
internal enum PickReason
{
    /// <summary>Scored among the endpoints that are not saturated.</summary>
    Scored,

    /// <summary>Every endpoint was saturated: scored among all of them.</summary>
    AllSaturated,

    /// <summary>No fresh metrics (scrapes failing, or no push from the cluster): least-request with the last good data.</summary>
    FailOpen,
}
