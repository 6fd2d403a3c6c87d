using OrleansMesh.Configuration;

namespace OrleansMesh.Abstractions.Tests.Configuration;

public sealed class IstioDurationTests
{
    [Theory]
    [InlineData("7s", 7_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1m", 60_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("0s", 0)]
    [InlineData(".5s", 500)]
    public void TryParse_IstioText_GivesDuration(string text, long milliseconds)
    {
        Assert.True(IstioDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("10us", 100)]
    [InlineData("10µs", 100)]
    [InlineData("300ns", 3)]
    public void TryParse_SubMillisecond_GivesTicks(string text, long ticks)
    {
        Assert.True(IstioDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("7")]
    [InlineData("-1s")]
    [InlineData("+1s")]
    [InlineData("1d")]
    [InlineData("s")]
    [InlineData("1..5s")]
    [InlineData("1s ")]
    [InlineData("abc")]
    [InlineData("9999999999999999999h")]
    [InlineData("99999999999999999999999999999999h")]
    public void TryParse_Garbage_IsFalse(string? text)
    {
        Assert.False(IstioDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(7_000, "7s")]
    [InlineData(500, "500ms")]
    [InlineData(1_500, "1.5s")]
    [InlineData(60_000, "1m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(90_000, "90s")]
    [InlineData(0, "0s")]
    public void Format_Duration_GivesIstioText(long milliseconds, string text)
    {
        Assert.Equal(text, IstioDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Format_Microseconds_UsesUs()
    {
        Assert.Equal("10us", IstioDuration.Format(TimeSpan.FromTicks(100)));
    }
}
