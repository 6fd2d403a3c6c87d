using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OrleansMesh.ModelServer.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer the server creates, so a test advances time only once the
/// server is actually waiting (advancing earlier would let the server's wait start after the jump and never end).
/// </summary>
internal sealed class ObservableTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider fake = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits for the server's next timer and returns its due time.</summary>
    public Task<TimeSpan> NextTimerAsync() => timers.Reader.ReadAsync().AsTask().WaitAsync(Requests.Guard);

    public void Advance(TimeSpan by) => fake.Advance(by);
}
