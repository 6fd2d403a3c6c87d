using OrleansMesh.Security.Identity;

namespace OrleansMesh.Abstractions.Tests.Security.Identity;

public sealed class RenewalScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.5, 12 * 60)]
    [InlineData(0.0, 12 * 60 * 0.9)]
    [InlineData(1.0, 12 * 60 * 1.1)]
    public void RenewAt_24HourCertificate_HalfLifetimeMovedByJitter(double draw, double expectedMinutes)
    {
        var renewAt = RenewalSchedule.RenewAt(Start, Start.AddHours(24), jitter: 0.05, draw);

        Assert.Equal(Start.AddMinutes(expectedMinutes), renewAt);
    }

    [Fact]
    public void RenewAt_NoJitter_ExactlyHalfway()
    {
        Assert.Equal(Start.AddSeconds(2), RenewalSchedule.RenewAt(Start, Start.AddSeconds(4), jitter: 0, draw: 0.9));
    }
}
