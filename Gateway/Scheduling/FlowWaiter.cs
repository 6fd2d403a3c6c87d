namespace OrleansMesh.Gateway.Scheduling;

/// <summary>One request waiting in a pool's flow-control queue, and how its wait ended.</summary>
internal sealed class FlowWaiter(int priority, string objective)
{
    public int Priority { get; } = priority;

    /// <summary>The request's InferenceObjective, or "" without one: the unit of fairness within a priority.</summary>
    public string Objective { get; } = objective;

    /// <summary>True: admitted to pick an endpoint; false: shed (a higher priority took its place).</summary>
    public TaskCompletionSource<bool> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LinkedListNode<FlowWaiter>? Node { get; set; }
}
