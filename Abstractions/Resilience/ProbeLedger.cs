namespace OrleansMesh.Resilience;

/// <summary>
/// Half-open probe permits of one breaker: how many were granted, how many of those are still unreported, how many
/// succeeded. Unreported permits older than the reclaim time go back to the pool, so a gateway that died holding
/// permits cannot keep the breaker half-open for ever. Reports settle the oldest grants first (they carry no grant id).
/// </summary>
internal sealed class ProbeLedger
{
    private readonly Queue<Grant> grants = new();

    /// <summary>Granted probes that reported success in this half-open period.</summary>
    public int Succeeded { get; private set; }

    /// <summary>Granted probes neither reported nor reclaimed.</summary>
    public int Outstanding { get; private set; }

    public void Reset()
    {
        grants.Clear();
        Succeeded = 0;
        Outstanding = 0;
    }

    /// <summary>Grants up to <paramref name="wanted"/> of the <paramref name="limit"/> permits not yet succeeded or outstanding.</summary>
    public int Take(DateTimeOffset now, int wanted, int limit)
    {
        var granted = Math.Clamp(Math.Min(wanted, limit - Succeeded - Outstanding), 0, int.MaxValue);
        if (granted > 0)
        {
            grants.Enqueue(new Grant(now, granted));
            Outstanding += granted;
        }

        return granted;
    }

    /// <summary>Counts probe successes; a success of a permit already reclaimed still counts, it was a real probe.</summary>
    public void Succeed(int count)
    {
        Succeeded += count;
        while (count > 0 && grants.TryPeek(out var oldest))
        {
            var settled = Math.Min(count, oldest.Unreported);
            oldest.Unreported -= settled;
            Outstanding -= settled;
            count -= settled;
            if (oldest.Unreported == 0)
            {
                grants.Dequeue();
            }
        }
    }

    /// <summary>Returns the unreported permits granted at or before <paramref name="now"/> minus <paramref name="after"/>.</summary>
    public void Reclaim(DateTimeOffset now, TimeSpan after)
    {
        while (grants.TryPeek(out var oldest) && oldest.GrantedAt + after <= now)
        {
            Outstanding -= oldest.Unreported;
            grants.Dequeue();
        }
    }

    private sealed class Grant(DateTimeOffset grantedAt, int unreported)
    {
        public DateTimeOffset GrantedAt { get; } = grantedAt;

        public int Unreported { get; set; } = unreported;
    }
}
