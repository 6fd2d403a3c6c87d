using OrleansMesh.Gateway.Resilience;
using OrleansMesh.Networking;

namespace OrleansMesh.Gateway.Tests.Resilience;

public sealed class FaultPolicyTests
{
    private const int Rolls = 2_000;

    [Theory]
    [InlineData(10.0)]
    [InlineData(50.0)]
    [InlineData(0.5)]
    public void ShouldAbort_2000SeededRolls_WithinThreePointsOfThePercentage(double percent)
    {
        var fault = FaultPolicy.Create(new HttpFaultInjection { Abort = new FaultAbort { HttpStatus = 500, Percentage = new Percent { Value = percent } } })!;
        var random = new Random(2024);

        var aborted = Enumerable.Range(0, Rolls).Count(_ => fault.ShouldAbort(random.NextDouble()));

        Assert.InRange(aborted * 100.0 / Rolls, percent - 3, percent + 3);
    }

    [Fact]
    public void ShouldDelay_2000SeededRolls_WithinThreePointsOfThePercentage()
    {
        var fault = FaultPolicy.Create(new HttpFaultInjection { Delay = new FaultDelay { FixedDelay = TimeSpan.FromSeconds(1), Percentage = new Percent { Value = 25 } } })!;
        var random = new Random(2025);

        var delayed = Enumerable.Range(0, Rolls).Count(_ => fault.ShouldDelay(random.NextDouble()));

        Assert.InRange(delayed * 100.0 / Rolls, 22, 28);
    }

    [Fact]
    public void Create_NoPercentage_AppliesToEveryRequest()
    {
        var fault = FaultPolicy.Create(new HttpFaultInjection { Abort = new FaultAbort { HttpStatus = 500 } })!;

        Assert.Equal(100, fault.AbortPercent);
        Assert.True(fault.ShouldAbort(0.999999));
    }

    [Fact]
    public void Create_ZeroPercentage_NeverAborts()
    {
        var fault = FaultPolicy.Create(new HttpFaultInjection { Abort = new FaultAbort { HttpStatus = 500, Percentage = new Percent { Value = 0 } } })!;

        Assert.False(fault.ShouldAbort(0));
    }

    [Fact]
    public void Create_DelayOnly_HasNoAbort()
    {
        var fault = FaultPolicy.Create(new HttpFaultInjection { Delay = new FaultDelay { FixedDelay = TimeSpan.FromSeconds(7) } })!;

        Assert.Equal((TimeSpan.FromSeconds(7), 100.0, 0, 0.0), (fault.Delay, fault.DelayPercent, fault.AbortStatus, fault.AbortPercent));
    }

    [Fact]
    public void Create_NoFault_IsNull()
    {
        Assert.Null(FaultPolicy.Create(null));
    }
}
