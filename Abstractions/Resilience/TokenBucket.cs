namespace OrleansMesh.Resilience;

/// <summary>
/// A token bucket: it holds up to <see cref="RateLimitSettings.Capacity"/> tokens and refills continuously (fractions
/// included) at <see cref="RateLimitSettings.RequestsPerUnit"/> per <see cref="RateLimitSettings.Period"/>; it starts full.
/// Tokens let through on credit are settled with <see cref="Owe"/>, which may take the bucket below zero, by at most
/// one capacity, so a burst of credit delays later grants instead of being forgotten. Not thread-safe; callers pass the time in.
/// </summary>
public sealed class TokenBucket
{
    private double tokens;
    private DateTimeOffset refilledAt;

    /// <summary>A full bucket at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate or the capacity is below 1.</exception>
    public TokenBucket(RateLimitSettings settings, DateTimeOffset now)
    {
        Settings = Check(settings);
        tokens = settings.Capacity;
        refilledAt = now;
    }

    /// <summary>The parameters in effect.</summary>
    public RateLimitSettings Settings { get; private set; }

    /// <summary>Tokens in the bucket at <paramref name="now"/>, fractions included; negative while in debt.</summary>
    public double GetTokens(DateTimeOffset now)
    {
        Refill(now);
        return tokens;
    }

    /// <summary>Takes up to <paramref name="wanted"/> whole tokens and returns how many it took.</summary>
    public int Take(DateTimeOffset now, int wanted)
    {
        Refill(now);
        if (wanted <= 0 || tokens < 1)
        {
            return 0;
        }

        // The epsilon keeps 2.9999999 from float refills counting as 2.
        var granted = (int)Math.Min(wanted, Math.Floor(tokens + 1e-9));
        tokens -= granted;
        return granted;
    }

    /// <summary>Takes <paramref name="count"/> tokens already spent on credit, going into debt down to minus the capacity.</summary>
    public void Owe(DateTimeOffset now, int count)
    {
        Refill(now);
        if (count > 0)
        {
            tokens = Math.Max(tokens - count, -Settings.Capacity);
        }
    }

    /// <summary>Puts back <paramref name="count"/> unused tokens; the bucket never holds more than its capacity.</summary>
    public void Return(int count)
    {
        if (count > 0)
        {
            tokens = Math.Min(tokens + count, Settings.Capacity);
        }
    }

    /// <summary>How long until a whole token is in the bucket: zero if one is, else the <c>Retry-After</c> of a rejected request.</summary>
    public TimeSpan TimeUntilAvailable(DateTimeOffset now) => TimeUntilAvailable(now, 1);

    /// <summary>
    /// How long until <paramref name="count"/> whole tokens are in the bucket (at most its capacity, which it always
    /// reaches): zero if they are.
    /// </summary>
    public TimeSpan TimeUntilAvailable(DateTimeOffset now, int count)
    {
        Refill(now);
        var missing = Math.Clamp(count, 1, Settings.Capacity) - tokens;
        if (missing <= 1e-9)
        {
            return TimeSpan.Zero;
        }

        // Rounded up to a whole tick, less a sliver so float noise cannot add one.
        return TimeSpan.FromTicks((long)Math.Ceiling((missing * Settings.Period.Ticks / Settings.RequestsPerUnit) - 1e-3));
    }

    /// <summary>Adopts new parameters: what was refilled so far at the old rate stays, capped by the new capacity.</summary>
    public void Reconfigure(DateTimeOffset now, RateLimitSettings settings)
    {
        Check(settings);
        Refill(now);
        Settings = settings;
        tokens = Math.Clamp(tokens, -settings.Capacity, settings.Capacity);
    }

    private void Refill(DateTimeOffset now)
    {
        // A clock that steps back refills nothing and keeps the later time, so no token is granted twice.
        if (now <= refilledAt)
        {
            return;
        }

        var added = (double)(now - refilledAt).Ticks * Settings.RequestsPerUnit / Settings.Period.Ticks;
        tokens = Math.Min(tokens + added, Settings.Capacity);
        refilledAt = now;
    }

    private static RateLimitSettings Check(RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.RequestsPerUnit, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Capacity, 1, nameof(settings));
        return settings;
    }
}
