using OrleansMesh.Networking;
using OrleansMesh.Resilience;

namespace OrleansMesh.Abstractions.Tests.Resilience;

public sealed class OutlierEjectorTests
{
    private const string A = "10.0.0.1:8080";
    private const string B = "10.0.0.2:8080";
    private const string C = "10.0.0.3:8080";
    private const string D = "10.0.0.4:8080";

    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_FiveServerErrorsInARow_EjectsForBaseTime()
    {
        var ejector = new OutlierEjector(new OutlierDetection());

        ejector.Record(T0, [ServerErrors(A, 5)], 3);

        var ejected = Assert.Single(ejector.GetEjected(T0));
        Assert.Equal(new EjectedEndpoint { Address = A, Remaining = TimeSpan.FromSeconds(30), Ejections = 1 }, ejected);
    }

    [Fact]
    public void Record_FourServerErrors_DoesNotEject()
    {
        var ejector = new OutlierEjector(new OutlierDetection());

        ejector.Record(T0, [ServerErrors(A, 4)], 3);

        Assert.Empty(ejector.GetEjected(T0));
    }

    [Fact]
    public void Record_RunSplitOverGatewaysBatches_AddsUp()
    {
        var ejector = new OutlierEjector(new OutlierDetection());

        ejector.Record(T0, [ServerErrors(A, 3)], 3);
        ejector.Record(T0, [ServerErrors(A, 2)], 3);

        Assert.Equal([A], ejector.GetEjected(T0).Select(e => e.Address));
    }

    [Fact]
    public void Record_BatchWithASuccess_RestartsRunAtTrailingErrors()
    {
        var ejector = new OutlierEjector(new OutlierDetection());
        ejector.Record(T0, [ServerErrors(A, 4)], 3);

        ejector.Record(T0, [new EndpointOutcomes { Address = A, Requests = 4, ServerErrors = 3, TrailingServerErrors = 1 }], 3);
        ejector.Record(T0, [ServerErrors(A, 3)], 3);

        Assert.Empty(ejector.GetEjected(T0));
        ejector.Record(T0, [ServerErrors(A, 1)], 3);
        Assert.Single(ejector.GetEjected(T0));
    }

    [Fact]
    public void Record_ConsecutiveFiveXxZero_NeverEjects()
    {
        var ejector = new OutlierEjector(new OutlierDetection { Consecutive5xxErrors = 0 });

        ejector.Record(T0, [GatewayErrors(A, 100)], 3);

        Assert.Empty(ejector.GetEjected(T0));
    }

    [Fact]
    public void Record_ConsecutiveGatewayErrorsReached_Ejects()
    {
        var ejector = new OutlierEjector(new OutlierDetection { Consecutive5xxErrors = 0, ConsecutiveGatewayErrors = 3 });

        ejector.Record(T0, [GatewayErrors(A, 3)], 3);

        Assert.Single(ejector.GetEjected(T0));
    }

    [Fact]
    public void Record_GatewayRunBrokenByOtherServerError_RestartsAtTrailing()
    {
        var ejector = new OutlierEjector(new OutlierDetection { Consecutive5xxErrors = 0, ConsecutiveGatewayErrors = 3 });
        ejector.Record(T0, [GatewayErrors(A, 2)], 3);

        // A 500 then a 503: two server errors, of which only the last is a gateway error.
        ejector.Record(T0, [new EndpointOutcomes { Address = A, Requests = 2, ServerErrors = 2, GatewayErrors = 1, TrailingServerErrors = 2, TrailingGatewayErrors = 1 }], 3);
        ejector.Record(T0, [GatewayErrors(A, 1)], 3);

        Assert.Empty(ejector.GetEjected(T0));
    }

    [Fact]
    public void GetEjected_EjectionTimeOver_EndpointReturns()
    {
        var ejector = new OutlierEjector(new OutlierDetection());
        ejector.Record(T0, [ServerErrors(A, 5)], 3);

        Assert.Equal(TimeSpan.FromMilliseconds(1), Assert.Single(ejector.GetEjected(T0.AddSeconds(30).AddMilliseconds(-1))).Remaining);
        Assert.Empty(ejector.GetEjected(T0.AddSeconds(30)));
    }

    [Fact]
    public void Record_EjectedAgainRightAfterReturn_EjectionTimeDoubles()
    {
        var ejector = new OutlierEjector(new OutlierDetection());
        ejector.Record(T0, [ServerErrors(A, 5)], 3);

        ejector.Record(T0.AddSeconds(30), [ServerErrors(A, 5)], 3);

        var ejected = Assert.Single(ejector.GetEjected(T0.AddSeconds(30)));
        Assert.Equal(2, ejected.Ejections);
        Assert.Equal(TimeSpan.FromSeconds(60), ejected.Remaining);
    }

    [Fact]
    public void Record_EjectedAgainAfterAHealthyInterval_MultiplierDecayedByOne()
    {
        var ejector = new OutlierEjector(new OutlierDetection());
        ejector.Record(T0, [ServerErrors(A, 5)], 3);
        ejector.Record(T0.AddSeconds(30), [ServerErrors(A, 5)], 3);

        // Back at 90 s with multiplier 2; one 10 s interval in service takes it to 1, the next ejection makes it 2 again.
        ejector.Record(T0.AddSeconds(100), [ServerErrors(A, 5)], 3);

        var ejected = Assert.Single(ejector.GetEjected(T0.AddSeconds(100)));
        Assert.Equal(2, ejected.Ejections);
        Assert.Equal(TimeSpan.FromSeconds(60), ejected.Remaining);
    }

    [Fact]
    public void Record_LongHealthyAfterEjections_MultiplierBackToOne()
    {
        var ejector = new OutlierEjector(new OutlierDetection());
        ejector.Record(T0, [ServerErrors(A, 5)], 3);
        ejector.Record(T0.AddSeconds(30), [ServerErrors(A, 5)], 3);

        ejector.Record(T0.AddSeconds(90 + 20), [ServerErrors(A, 5)], 3);

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(ejector.GetEjected(T0.AddSeconds(110))).Remaining);
    }

    [Fact]
    public void Record_RepeatedEjections_CappedAtMaxEjectionTime()
    {
        var ejector = new OutlierEjector(new OutlierDetection { BaseEjectionTime = TimeSpan.FromSeconds(200) });
        ejector.Record(T0, [ServerErrors(A, 5)], 3);

        ejector.Record(T0.AddSeconds(200), [ServerErrors(A, 5)], 3);

        Assert.Equal(TimeSpan.FromSeconds(300), Assert.Single(ejector.GetEjected(T0.AddSeconds(200))).Remaining);
    }

    [Fact]
    public void Record_DefaultMaxEjectionPercent_EjectsOneOfThreeEndpointsOnly()
    {
        var ejector = new OutlierEjector(new OutlierDetection());

        ejector.Record(T0, [ServerErrors(A, 5), ServerErrors(B, 5), ServerErrors(C, 5)], 3);

        Assert.Equal([A], ejector.GetEjected(T0).Select(e => e.Address));
    }

    [Fact]
    public void Record_EjectionRefusedByMaxPercent_RunStillRestarts()
    {
        var ejector = new OutlierEjector(new OutlierDetection());
        ejector.Record(T0, [ServerErrors(A, 5), ServerErrors(B, 5)], 3);

        ejector.Record(T0.AddSeconds(30), [ServerErrors(B, 4)], 3);

        Assert.Empty(ejector.GetEjected(T0.AddSeconds(30)));
    }

    [Fact]
    public void Record_HalfMayBeEjected_EjectsTwoOfFour()
    {
        var ejector = new OutlierEjector(new OutlierDetection { MaxEjectionPercent = 50 });

        ejector.Record(T0, [ServerErrors(A, 5), ServerErrors(B, 5), ServerErrors(C, 5), ServerErrors(D, 5)], 4);

        Assert.Equal([A, B], ejector.GetEjected(T0).Select(e => e.Address));
    }

    [Fact]
    public void Record_MaxEjectionPercentZero_MeansTenPercentAsInIstio()
    {
        var ejector = new OutlierEjector(new OutlierDetection { MaxEjectionPercent = 0 });

        ejector.Record(T0, [ServerErrors(A, 5)], 3);

        Assert.Single(ejector.GetEjected(T0));
    }

    [Fact]
    public void GetEjected_HealthyBelowMinHealthPercent_PanicsAndEjectsNone()
    {
        var ejector = new OutlierEjector(new OutlierDetection { MaxEjectionPercent = 100, MinHealthPercent = 60 });
        ejector.Record(T0, [ServerErrors(A, 5)], 4);
        Assert.Single(ejector.GetEjected(T0));

        ejector.Record(T0, [ServerErrors(B, 5)], 4);

        Assert.True(ejector.IsPanicking(T0));
        Assert.Empty(ejector.GetEjected(T0));
    }

    [Fact]
    public void IsPanicking_EjectedEndpointsReturned_PanicEnds()
    {
        var ejector = new OutlierEjector(new OutlierDetection { MaxEjectionPercent = 100, MinHealthPercent = 60 });
        ejector.Record(T0, [ServerErrors(A, 5), ServerErrors(B, 5)], 4);

        Assert.False(ejector.IsPanicking(T0.AddSeconds(30)));
        Assert.Empty(ejector.GetEjected(T0.AddSeconds(30)));
    }

    [Fact]
    public void Record_OutcomesWhileEjected_IgnoredAndRunRestartsOnReturn()
    {
        var ejector = new OutlierEjector(new OutlierDetection());
        ejector.Record(T0, [ServerErrors(A, 5)], 3);
        ejector.Record(T0.AddSeconds(10), [ServerErrors(A, 4)], 3);

        ejector.Record(T0.AddSeconds(30), [ServerErrors(A, 4)], 3);

        Assert.Empty(ejector.GetEjected(T0.AddSeconds(30)));
    }

    [Fact]
    public void Revision_EjectionAndReturn_EachCounted()
    {
        var ejector = new OutlierEjector(new OutlierDetection());
        ejector.Record(T0, [ServerErrors(A, 5)], 3);
        Assert.Equal(1, ejector.Revision);

        ejector.GetEjected(T0.AddSeconds(30));

        Assert.Equal(2, ejector.Revision);
    }

    private static EndpointOutcomes ServerErrors(string address, int count) =>
        new() { Address = address, Requests = count, ServerErrors = count, TrailingServerErrors = count };

    private static EndpointOutcomes GatewayErrors(string address, int count) => new()
    {
        Address = address,
        Requests = count,
        ServerErrors = count,
        GatewayErrors = count,
        TrailingServerErrors = count,
        TrailingGatewayErrors = count,
    };
}
