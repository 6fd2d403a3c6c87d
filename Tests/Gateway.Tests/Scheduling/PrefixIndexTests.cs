using OrleansMesh.Gateway.Scheduling;

namespace OrleansMesh.Gateway.Tests.Scheduling;

public sealed class PrefixIndexTests
{
    [Fact]
    public void Find_Recorded_ReturnsTheLatestEndpoint()
    {
        var index = new PrefixIndex(1024);
        index.Record(0xABCDEF0123456789, 3);
        index.Record(0xABCDEF0123456789, 5);

        Assert.Equal(5, index.Find(0xABCDEF0123456789));
    }

    [Fact]
    public void Find_OtherBlockInTheSameSlot_IsNotMistakenForIt()
    {
        var index = new PrefixIndex(1024);
        index.Record(0x0000000100000001, 2);

        Assert.Equal(-1, index.Find(0x0000000200000001));
        Assert.Equal(-1, index.Find(42));
    }
}
