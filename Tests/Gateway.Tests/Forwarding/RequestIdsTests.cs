using System.Text.RegularExpressions;
using OrleansMesh.Gateway.Forwarding;

namespace OrleansMesh.Gateway.Tests.Forwarding;

public sealed partial class RequestIdsTests
{
    [Fact]
    public void Next_IsAVersion4Uuid()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.Matches(Version4(), RequestIds.Next());
        }
    }

    [Fact]
    public void Next_NeverRepeatsAcrossDraws()
    {
        // Several times the ids drawn at once, so ids from later draws are compared with the first.
        var ids = Enumerable.Range(0, 1_000).Select(_ => RequestIds.Next()).ToHashSet();

        Assert.Equal(1_000, ids.Count);
    }

    [Fact]
    public async Task Next_DiffersBetweenThreads()
    {
        var first = await Task.Run(() => Enumerable.Range(0, 64).Select(_ => RequestIds.Next()).ToList());
        var second = await Task.Factory.StartNew(() => Enumerable.Range(0, 64).Select(_ => RequestIds.Next()).ToList(), TaskCreationOptions.LongRunning);

        Assert.Empty(first.Intersect(second));
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Version4();
}
