using System.Net;
using System.Net.Sockets;
using OrleansMesh.Silo.Membership;

namespace OrleansMesh.Deployment.Tests.Failover;

/// <summary>What <c>RefusedPeerDetector</c> decides on: a TCP connect's outcome, and refusals counted in a row.</summary>
public sealed class RefusedPeerProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ProbeAsync_SomethingListens_Listening()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        var outcome = await PeerEndpointProbe.ProbeAsync((IPEndPoint)listener.LocalEndpoint, Timeout, CancellationToken.None);

        Assert.Equal(PeerProbeOutcome.Listening, outcome);
    }

    [Fact]
    public async Task ProbeAsync_PortBoundButNotListening_Refused()
    {
        // Bound and never listening: the kernel resets connections to it, and no other test can take the port.
        using var bound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        bound.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        var outcome = await PeerEndpointProbe.ProbeAsync((IPEndPoint)bound.LocalEndPoint!, Timeout, CancellationToken.None);

        Assert.Equal(PeerProbeOutcome.Refused, outcome);
    }

    [Fact]
    public void Record_RefusedTwiceInARow_CondemnsOnTheSecond()
    {
        var counter = new RefusalCounter<string>(2);

        Assert.False(counter.Record("silo-a", PeerProbeOutcome.Refused));
        Assert.True(counter.IsSuspect("silo-a"));
        Assert.True(counter.Record("silo-a", PeerProbeOutcome.Refused));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Record_AnythingButARefusalBetween_StartsTheCountAgain(bool listening)
    {
        var between = listening ? PeerProbeOutcome.Listening : PeerProbeOutcome.Inconclusive;
        var counter = new RefusalCounter<string>(2);
        counter.Record("silo-a", PeerProbeOutcome.Refused);

        Assert.False(counter.Record("silo-a", between));
        Assert.False(counter.IsSuspect("silo-a"));
        Assert.False(counter.Record("silo-a", PeerProbeOutcome.Refused));
    }

    [Fact]
    public void KeepOnly_PeerGoneFromMembership_Forgotten()
    {
        var counter = new RefusalCounter<string>(2);
        counter.Record("silo-a", PeerProbeOutcome.Refused);
        counter.Record("silo-b", PeerProbeOutcome.Refused);

        counter.KeepOnly(new HashSet<string> { "silo-b" });

        Assert.Equal((false, true), (counter.IsSuspect("silo-a"), counter.IsSuspect("silo-b")));
    }
}
