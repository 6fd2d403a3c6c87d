using System.Collections.Immutable;
using OrleansMesh.ControlPlane;

namespace OrleansMesh.Grains.Config;

/// <summary>The outcome of writing route tables to their grains: the tables written, and the hosts whose write failed.</summary>
internal sealed record TableWrites
{
    /// <summary>The tables as their grains returned them (with their resulting generations).</summary>
    public ImmutableArray<RouteTable> Written { get; init; } = [];

    /// <summary>The hosts whose table could not be written, with why.</summary>
    public ImmutableArray<(string Host, Exception Error)> Failures { get; init; } = [];

    /// <summary>Writes every table; one host failing neither stops nor hides the others.</summary>
    public static async Task<TableWrites> RunAsync(IGrainFactory grains, IEnumerable<RouteTable> tables)
    {
        var writes = tables.Select(t => (t.Host, Task: grains.GetGrain<IRouteTableGrain>(t.Host).ReplaceAsync(t))).ToList();

        // Each write is looked at below; continuing on the captured context keeps a grain caller on its scheduler.
        await ((Task)Task.WhenAll(writes.Select(w => w.Task)))
            .ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        return new TableWrites
        {
            Written = [.. writes.Where(w => w.Task.IsCompletedSuccessfully).Select(w => w.Task.Result)],
            Failures = [.. writes.Where(w => !w.Task.IsCompletedSuccessfully).Select(w => (w.Host, Error(w.Task)))],
        };
    }

    private static Exception Error(Task task) =>
        task.Exception is { } failed ? failed.InnerException ?? failed : new TaskCanceledException(task);
}
