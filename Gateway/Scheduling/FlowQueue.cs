namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// A pool's bounded flow-control queue in one gateway: requests wait by InferenceObjective priority, the highest first,
/// and within a priority in turn across objectives (one objective's burst does not starve another's). When full, a
/// newcomer of higher priority takes the place of the newest waiter of the lowest priority, which is shed; otherwise the
/// newcomer is shed. Only requests that find the pool saturated come here, so its lock is off the ordinary request path.
/// </summary>
internal sealed class FlowQueue(int capacity)
{
    private readonly Lock _gate = new();

    // Highest priority first; within one, each objective's waiters in arrival order and the objectives in turn.
    private readonly SortedDictionary<int, Band> _bands = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Queues <paramref name="waiter"/>; false when it is shed at once. <paramref name="evicted"/> is shed for it.</summary>
    public bool TryEnqueue(FlowWaiter waiter, out FlowWaiter? evicted)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        evicted = null;
        lock (_gate)
        {
            if (_count >= capacity)
            {
                var lowest = _bands.Last();
                if (lowest.Key >= waiter.Priority)
                {
                    return false;
                }

                evicted = lowest.Value.RemoveNewest();
                Drop(lowest.Key, lowest.Value);
            }

            if (!_bands.TryGetValue(waiter.Priority, out var band))
            {
                _bands[waiter.Priority] = band = new Band();
            }

            band.Add(waiter);
            _count++;
            return true;
        }
    }

    /// <summary>The next waiter to admit, or null when none waits.</summary>
    public FlowWaiter? TakeNext()
    {
        lock (_gate)
        {
            if (_bands.Count == 0)
            {
                return null;
            }

            var highest = _bands.First();
            var next = highest.Value.TakeInTurn();
            Drop(highest.Key, highest.Value);
            return next;
        }
    }

    /// <summary>Takes <paramref name="waiter"/> out (timed out, client gone); false when it already left.</summary>
    public bool Remove(FlowWaiter waiter)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        lock (_gate)
        {
            if (waiter.Node?.List is null || !_bands.TryGetValue(waiter.Priority, out var band))
            {
                return false;
            }

            band.Remove(waiter);
            Drop(waiter.Priority, band);
            return true;
        }
    }

    private void Drop(int priority, Band band)
    {
        _count--;
        if (band.IsEmpty)
        {
            _bands.Remove(priority);
        }
    }

    private sealed class Band
    {
        private readonly Dictionary<string, LinkedList<FlowWaiter>> _byObjective = new(StringComparer.Ordinal);
        private readonly LinkedList<string> _turns = new();

        public bool IsEmpty => _byObjective.Count == 0;

        public void Add(FlowWaiter waiter)
        {
            if (!_byObjective.TryGetValue(waiter.Objective, out var list))
            {
                _byObjective[waiter.Objective] = list = new LinkedList<FlowWaiter>();
                _turns.AddLast(waiter.Objective);
            }

            waiter.Node = list.AddLast(waiter);
        }

        public FlowWaiter TakeInTurn()
        {
            var objective = _turns.First!.Value;
            _turns.RemoveFirst();
            var list = _byObjective[objective];
            var waiter = list.First!.Value;
            Unlink(objective, list, waiter);
            if (list.Count > 0)
            {
                _turns.AddLast(objective);
            }

            return waiter;
        }

        // The newest waiter of the objective with the most waiting: shedding takes from the biggest burst first.
        public FlowWaiter RemoveNewest()
        {
            var (objective, list) = _byObjective.MaxBy(o => o.Value.Count);
            var waiter = list.Last!.Value;
            Unlink(objective, list, waiter);
            return waiter;
        }

        public void Remove(FlowWaiter waiter) => Unlink(waiter.Objective, _byObjective[waiter.Objective], waiter);

        private void Unlink(string objective, LinkedList<FlowWaiter> list, FlowWaiter waiter)
        {
            list.Remove(waiter.Node!);
            waiter.Node = null;
            if (list.Count == 0)
            {
                _byObjective.Remove(objective);
                _turns.Remove(objective);
            }
        }
    }
}
