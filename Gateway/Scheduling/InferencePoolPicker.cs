using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// The endpoint picker of one InferencePool cluster: scores the endpoints from the load the pool's grain last pushed
/// (scraped metrics plus what every gateway sent since) and what this gateway sent since that push, with the request's
/// adapter and prompt prefix (<see cref="EndpointScoring"/>). An endpoint whose metrics are stale or whose scrape failed
/// is skipped while others are fresh; with none fresh, it falls back to least-request on this gateway's in-flight counts
/// plus the last queue it knew, and says so. No lock, no call out, no allocation but the request's prompt blocks
/// (scratch on the stack up to 64 endpoints).
/// </summary>
internal sealed class InferencePoolPicker(
    PoolState pool,
    EndpointSlot[] slots,
    ImmutableDictionary<string, int> objectives,
    InferencePickerOptions options,
    Random random,
    TimeProvider time,
    PickerMetrics? metrics) : IRequestPicker
{
    public ValueTask<Rejection?> AdmitAsync(HttpContext context, bool delayed)
    {
        // The common case costs two reads: nobody waits and the pool has room (or no fresh metrics: fail open).
        return pool.Flow.Count == 0 && !pool.Saturated() ? ValueTask.FromResult<Rejection?>(null) : WaitAsync(context, delayed);
    }

    private async ValueTask<Rejection?> WaitAsync(HttpContext context, bool delayed)
    {
        var objective = context.Request.Headers[InferencePickerOptions.ObjectiveHeader].ToString();
        var waiter = new FlowWaiter(objectives.GetValueOrDefault(objective), objectives.ContainsKey(objective) ? objective : "");
        if (!pool.Flow.TryEnqueue(waiter, out var evicted))
        {
            metrics?.Shed(pool.Host);
            return Shed(delayed);
        }

        evicted?.Turn.TrySetResult(false);
        pool.Pump();
        try
        {
            if (await waiter.Turn.Task.WaitAsync(options.QueueTimeout, time, context.RequestAborted))
            {
                return null;
            }

            metrics?.Shed(pool.Host);
            return Shed(delayed);
        }
        catch (TimeoutException) when (pool.Flow.Remove(waiter))
        {
            metrics?.Shed(pool.Host);
            return new Rejection(RejectionKind.InferenceQueueTimeout, $"InferencePool {pool.Host} stayed saturated for {options.QueueTimeout.TotalSeconds} s; try again later") { Delayed = delayed };
        }
        catch (TimeoutException)
        {
            // Admitted in the same instant as the timeout: the turn was given, so take it.
            return await waiter.Turn.Task ? null : Shed(delayed);
        }
        catch (OperationCanceledException)
        {
            pool.Flow.Remove(waiter);
            return new Rejection(RejectionKind.ClientGone, "the client left while waiting for the InferencePool");
        }
    }

    private Rejection Shed(bool delayed) =>
        new(RejectionKind.InferenceShed, $"InferencePool {pool.Host} is saturated and its queue holds requests of higher or equal priority; try again later") { Delayed = delayed };

    // Scratch for up to this many endpoints lives on the stack; bigger pools rent it.
    private const int StackLimit = 64;

    public UpstreamEndpoint? Pick(HttpContext context, UpstreamEndpoint[] endpoints, ReadOnlySpan<UpstreamEndpoint> tried, long now)
    {
        var request = PickerRequest.For(context, options);
        var n = endpoints.Length;
        int[]? rentedIndexes = null;
        ScoreInput[]? rentedInputs = null;
        double[]? rentedScores = null;
        var indexes = n <= StackLimit ? stackalloc int[2 * StackLimit] : (rentedIndexes = ArrayPool<int>.Shared.Rent(2 * n));
        var usable = indexes[..n];
        var fresh = indexes.Slice(n, n);
        try
        {
            var count = Usable(endpoints, tried, now, usable);
            if (count == 0)
            {
                return null;
            }

            var freshCount = 0;
            var clock = time.GetTimestamp();
            var poolFresh = pool.LastPush != 0 && time.GetElapsedTime(pool.LastPush, clock) < options.StaleAfter;
            for (var i = 0; i < count && poolFresh; i++)
            {
                if (IsFresh(slots[usable[i]], clock))
                {
                    fresh[freshCount++] = usable[i];
                }
            }

            int chosen;
            PickReason reason;
            var scores = n <= StackLimit ? stackalloc double[StackLimit] : (rentedScores = ArrayPool<double>.Shared.Rent(n));
            if (freshCount == 0)
            {
                chosen = LeastRequest(endpoints, usable[..count], clock);
                reason = PickReason.FailOpen;
            }
            else
            {
                var inputs = n <= StackLimit ? stackalloc ScoreInput[StackLimit] : (rentedInputs = ArrayPool<ScoreInput>.Shared.Rent(n));
                for (var i = 0; i < freshCount; i++)
                {
                    var slot = slots[fresh[i]];
                    var load = slot.Load!;
                    var inFlight = options.ClusterWideDispatch ? slot.ClusterInFlight(time, clock, options.StaleAfter) : slot.InFlightNow;
                    inputs[i] = new ScoreInput(
                        slot.Queue(load, options.ClusterWideDispatch, inFlight),
                        load.KvCacheUsage,
                        EndpointScoring.LoraAffinity(request.Model, load),
                        0,
                        inFlight);
                }

                CountPrefixBlocks(request.Blocks, fresh[..freshCount], inputs);
                var best = EndpointScoring.Pick(inputs[..freshCount], request.Blocks.Length, options, random, scores, out var allSaturated);
                chosen = fresh[best];
                reason = allSaturated ? PickReason.AllSaturated : PickReason.Scored;
            }

            pool.Dispatched(slots[chosen], request.Blocks);
            metrics?.Picked(pool.Host, reason);
            if (request.Debug)
            {
                context.Response.Headers[InferencePickerOptions.ResultHeader] = Describe(endpoints[chosen], reason, fresh[..freshCount], scores[..freshCount]);
            }

            return endpoints[chosen];
        }
        finally
        {
            ReturnAll(rentedIndexes, rentedInputs, rentedScores);
        }
    }

    private static int Usable(UpstreamEndpoint[] endpoints, ReadOnlySpan<UpstreamEndpoint> tried, long now, Span<int> usable)
    {
        var count = 0;
        for (var i = 0; i < endpoints.Length; i++)
        {
            if (UpstreamCluster.IsInService(endpoints[i], now) && !Contains(tried, endpoints[i]))
            {
                usable[count++] = i;
            }
        }

        // Every endpoint in service was tried: try them again rather than fail.
        if (count == 0 && !tried.IsEmpty)
        {
            for (var i = 0; i < endpoints.Length; i++)
            {
                if (UpstreamCluster.IsInService(endpoints[i], now))
                {
                    usable[count++] = i;
                }
            }
        }

        return count;
    }

    private bool IsFresh(EndpointSlot slot, long clock) =>
        slot.Load is { Error: null } load && load.Age < options.StaleAfter
        && load.Age + time.GetElapsedTime(slot.ReceivedAt, clock) < options.StaleAfter;

    // Least-request without the scrape: the requests in flight through every gateway (this gateway's alone when the
    // in-flight pushes stopped too) plus the queue last scraped (if any), the less busy of two random endpoints, as
    // Envoy's LEAST_REQUEST.
    private int LeastRequest(UpstreamEndpoint[] endpoints, ReadOnlySpan<int> usable, long clock)
    {
        if (usable.Length == 1)
        {
            return usable[0];
        }

        var first = random.Next(usable.Length);
        var second = random.Next(usable.Length - 1);
        if (second >= first)
        {
            second++;
        }

        int a = usable[first], b = usable[second];
        return Busy(endpoints, b, clock) < Busy(endpoints, a, clock) ? b : a;
    }

    private int Busy(UpstreamEndpoint[] endpoints, int index, long clock)
    {
        var slot = slots[index];
        var inFlight = options.ClusterWideDispatch ? slot.ClusterInFlight(time, clock, options.StaleAfter) : endpoints[index].State.InFlight;
        return inFlight + (slot.Load?.Waiting ?? 0);
    }

    // Blocks are chained: counting stops at the first block no endpoint holds; each candidate gets the blocks it holds.
    private void CountPrefixBlocks(ulong[] blocks, ReadOnlySpan<int> candidates, Span<ScoreInput> inputs)
    {
        foreach (var block in blocks)
        {
            var owner = pool.Prefixes.Find(block);
            if (owner < 0)
            {
                return;
            }

            for (var i = 0; i < candidates.Length; i++)
            {
                if (slots[candidates[i]].Number == owner)
                {
                    inputs[i] = inputs[i] with { PrefixBlocks = inputs[i].PrefixBlocks + 1 };
                    break;
                }
            }
        }
    }

    private static void ReturnAll(int[]? indexes, ScoreInput[]? inputs, double[]? scores)
    {
        if (indexes is not null)
        {
            ArrayPool<int>.Shared.Return(indexes);
        }

        if (inputs is not null)
        {
            ArrayPool<ScoreInput>.Shared.Return(inputs);
        }

        if (scores is not null)
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    private string Describe(UpstreamEndpoint chosen, PickReason reason, ReadOnlySpan<int> fresh, ReadOnlySpan<double> scores)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"endpoint={chosen.HostAndPort}; reason={reason switch { PickReason.Scored => "scored", PickReason.AllSaturated => "all-saturated", _ => "fail-open" }}");
        if (!fresh.IsEmpty)
        {
            text.Append("; scores=");
            for (var i = 0; i < fresh.Length; i++)
            {
                var slot = slots[fresh[i]];
                text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}{slot.Endpoint}:{(double.IsNaN(scores[i]) ? "saturated" : scores[i].ToString("0.###", CultureInfo.InvariantCulture))}");
            }
        }

        return text.ToString();
    }

    private static bool Contains(ReadOnlySpan<UpstreamEndpoint> endpoints, UpstreamEndpoint endpoint)
    {
        foreach (var e in endpoints)
        {
            if (ReferenceEquals(e, endpoint))
            {
                return true;
            }
        }

        return false;
    }
}
