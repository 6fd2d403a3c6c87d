namespace OrleansMesh.Samples.ModelServer.Engine;

/// <summary>
/// A continuous-batching engine in the manner of vLLM, simulated: at most <see cref="EngineSettings.MaxRunning"/>
/// requests run at once and hold KV-cache blocks for their prompt and output; the rest wait in arrival order (a waiting
/// request that cannot start, for want of cache or an adapter slot, does not hold back the ones behind it, as vLLM's
/// scheduler skips LoRA-blocked requests). A request's first token waits for its adapter to load and its prefill, which
/// costs time per prompt token not already in the prefix cache; every later token costs a decode step that grows with
/// the number running. The engine only decides; the endpoints wait the delays it hands out on the server's
/// <see cref="TimeProvider"/>. A plain lock guards the state: this is a test server, not the mesh's hot path.
/// </summary>
internal sealed class SimulatedEngine
{
    private readonly EngineSettings settings;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly LinkedList<Waiter> waiting = new();
    private readonly Dictionary<string, LoadedAdapter> adapters = new(StringComparer.Ordinal);
    private readonly PrefixCache prefixes;
    private int running;
    private int heldBlocks;
    private long queriedTokens;
    private long hitTokens;

    public SimulatedEngine(EngineSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        this.settings = settings;
        this.time = time;
        prefixes = new PrefixCache(settings.KvBlocks);
    }

    /// <summary>Starts the request now if it fits, else queues it; the lease must be disposed when the answer ends.</summary>
    public Task<EngineLease> AdmitAsync(EngineRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        Waiter waiter;
        lock (gate)
        {
            // Every waiter that could start has (each release admits them), so a newcomer that fits passes only blocked ones.
            if (TryStart(request) is { } lease)
            {
                return Task.FromResult(lease);
            }

            waiter = new Waiter(request);
            waiter.Node = waiting.AddLast(waiter);
        }

        if (cancellation.CanBeCanceled)
        {
            waiter.Registration = cancellation.Register(() => Abandon(waiter, cancellation));
        }

        return waiter.Started.Task;
    }

    public EngineStatus Status()
    {
        lock (gate)
        {
            var runningAdapters = adapters.Where(a => a.Value.Running > 0).Select(a => a.Key).Order(StringComparer.Ordinal).ToArray();
            var waitingAdapters = waiting.Select(w => w.Request.Adapter).OfType<string>().Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).ToArray();
            return new EngineStatus(
                running, waiting.Count, (double)heldBlocks / settings.KvBlocks, runningAdapters, waitingAdapters, settings.MaxLora,
                queriedTokens, hitTokens);
        }
    }

    /// <summary>One decode step at the current batch size.</summary>
    internal TimeSpan DecodeStep()
    {
        int batch;
        lock (gate)
        {
            batch = running;
        }

        return TimeSpan.FromMilliseconds(settings.DecodeMs + (settings.DecodeMsPerRunning * Math.Max(0, batch - 1)));
    }

    internal void Release(EngineLease lease)
    {
        List<(Waiter Waiter, EngineLease Lease)>? started = null;
        lock (gate)
        {
            running--;
            heldBlocks -= lease.Blocks;
            if (lease.Request.Adapter is { } adapter && adapters.TryGetValue(adapter, out var loaded))
            {
                loaded.Running--;
            }

            for (var node = waiting.First; node is not null && running < settings.MaxRunning;)
            {
                var next = node.Next;
                if (TryStart(node.Value.Request) is { } admitted)
                {
                    waiting.Remove(node);
                    (started ??= []).Add((node.Value, admitted));
                }

                node = next;
            }
        }

        // Completed outside the lock: the continuations run elsewhere anyway, but a cancelled waiter's lease comes back here.
        foreach (var (waiter, admitted) in started ?? [])
        {
            waiter.Registration.Dispose();
            if (!waiter.Started.TrySetResult(admitted))
            {
                admitted.Dispose();
            }
        }
    }

    private void Abandon(Waiter waiter, CancellationToken cancellation)
    {
        lock (gate)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            waiting.Remove(waiter.Node);
        }

        waiter.Started.TrySetCanceled(cancellation);
    }

    // Under the lock. Null: the request cannot start now (batch full, cache full, or every adapter slot busy).
    private EngineLease? TryStart(EngineRequest request)
    {
        var blocks = settings.BlocksFor(request);
        if (running >= settings.MaxRunning || heldBlocks + blocks > settings.KvBlocks)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var adapterWait = TimeSpan.Zero;
        if (request.Adapter is { } name)
        {
            if (!adapters.TryGetValue(name, out var adapter))
            {
                if (adapters.Count >= settings.MaxLora && !EvictIdleAdapter())
                {
                    return null;
                }

                adapter = new LoadedAdapter(now + TimeSpan.FromMilliseconds(settings.LoraLoadMs));
                adapters[name] = adapter;
            }

            adapter.Running++;
            adapter.LastUsed = now;
            adapterWait = adapter.ReadyAt > now ? adapter.ReadyAt - now : TimeSpan.Zero;
        }

        var cachedTokens = Math.Min(request.PromptTokens, prefixes.CachedPrefix(request.PromptBlocks) * settings.BlockTokens);
        prefixes.Touch(request.PromptBlocks);
        queriedTokens += request.PromptTokens;
        hitTokens += cachedTokens;
        running++;
        heldBlocks += blocks;
        var prefill = TimeSpan.FromMilliseconds(settings.PrefillMsPerToken * (request.PromptTokens - cachedTokens));
        return new EngineLease(this, request, blocks, adapterWait + prefill);
    }

    private bool EvictIdleAdapter()
    {
        string? oldest = null;
        foreach (var (name, adapter) in adapters)
        {
            if (adapter.Running == 0 && (oldest is null || adapter.LastUsed < adapters[oldest].LastUsed))
            {
                oldest = name;
            }
        }

        return oldest is not null && adapters.Remove(oldest);
    }

    private sealed class Waiter(EngineRequest request)
    {
        public EngineRequest Request { get; } = request;

        public TaskCompletionSource<EngineLease> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class LoadedAdapter(DateTimeOffset readyAt)
    {
        public DateTimeOffset ReadyAt { get; } = readyAt;

        public DateTimeOffset LastUsed { get; set; }

        public int Running { get; set; }
    }
}
