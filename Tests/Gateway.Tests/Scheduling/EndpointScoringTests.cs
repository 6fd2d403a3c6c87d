using OrleansMesh.Gateway.Scheduling;
using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Tests.Scheduling;

public sealed class EndpointScoringTests
{
    private static readonly InferencePickerOptions Options = new();

    [Fact]
    public void Pick_ShorterQueue_Wins()
    {
        var best = Pick([new(4, 0.2, 0, 0), new(1, 0.2, 0, 0), new(3, 0.2, 0, 0)], out _);

        Assert.Equal(1, best);
    }

    [Fact]
    public void Pick_SaturatedEndpoints_AreFilteredOutUnlessAllAre()
    {
        // Endpoint 0 has the best prefix but a full queue; endpoint 1's KV cache is over the threshold.
        var best = Pick([new(5, 0.1, 0, 10), new(0, 0.85, 0, 0), new(2, 0.5, 0, 0)], out var allSaturated, promptBlocks: 10);

        Assert.Equal((2, false), (best, allSaturated));
    }

    [Fact]
    public void Pick_AllSaturated_ScoresAmongAll()
    {
        var scores = new double[2];
        var best = EndpointScoring.Pick([new ScoreInput(9, 0.9, 0, 0), new ScoreInput(6, 0.9, 0, 0)], 0, Options, new Random(1), scores, out var allSaturated);

        Assert.Equal((1, true), (best, allSaturated));
        Assert.False(double.IsNaN(scores[0]));
    }

    [Fact]
    public void Pick_LongSharedPrefix_OutweighsASlightlyLongerQueue()
    {
        var best = Pick([new(0, 0.3, 0, 0), new(1, 0.3, 0, 8)], out _, promptBlocks: 8);

        Assert.Equal(1, best);
    }

    [Fact]
    public void Pick_AdapterRunning_OutweighsAQueueFourLongerButNotSaturation()
    {
        Assert.Equal(1, Pick([new(0, 0.2, 0.5, 0), new(4, 0.2, 1, 0)], out _));
        Assert.Equal(0, Pick([new(0, 0.2, 0.5, 0), new(5, 0.2, 1, 0)], out _));
    }

    [Fact]
    public void Pick_Ties_AreBrokenAtRandom()
    {
        var counts = new int[3];
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            counts[EndpointScoring.Pick([new ScoreInput(1, 0.5, 0, 0), new ScoreInput(1, 0.5, 0, 0), new ScoreInput(1, 0.5, 0, 0)], 0, Options, random, new double[3], out _)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 70, 130));
    }

    [Theory]
    [InlineData(new[] { "sql" }, new string[0], 2, 1.0)]
    [InlineData(new string[0], new[] { "sql" }, 2, 0.8)]
    [InlineData(new[] { "chat" }, new string[0], 2, 0.5)]
    [InlineData(new[] { "chat", "tts" }, new string[0], 2, 0.0)]
    public void LoraAffinity_RunningWaitingFreeSlotNone(string[] running, string[] waiting, int maxLora, double expected)
    {
        var load = new EndpointLoad { RunningAdapters = [.. running], WaitingAdapters = [.. waiting], MaxLora = maxLora };

        Assert.Equal(expected, EndpointScoring.LoraAffinity("sql", load));
    }

    private static int Pick(ScoreInput[] inputs, out bool allSaturated, int promptBlocks = 0) =>
        EndpointScoring.Pick(inputs, promptBlocks, Options, new Random(1), new double[inputs.Length], out allSaturated);
}
