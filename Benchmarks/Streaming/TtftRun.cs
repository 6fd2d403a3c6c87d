namespace OrleansMesh.Benchmarks.Streaming;

/// <summary>
/// Warm-up, then N measured pairs one at a time, alternating which target goes first, so both see the same machine
/// load and neither always runs on a cache the other just warmed.
/// </summary>
internal static class TtftRun
{
    public static async Task<(double[] Direct, double[] Gateway)> RunAsync(TtftProbe direct, TtftProbe gateway, TtftSettings settings)
    {
        for (var i = 0; i < settings.Warmup; i++)
        {
            await direct.MeasureAsync(settings.MaxTokens);
            await gateway.MeasureAsync(settings.MaxTokens);
        }

        var directSamples = new double[settings.Requests];
        var gatewaySamples = new double[settings.Requests];
        for (var i = 0; i < settings.Requests; i++)
        {
            if (i % 2 == 0)
            {
                directSamples[i] = await direct.MeasureAsync(settings.MaxTokens);
                gatewaySamples[i] = await gateway.MeasureAsync(settings.MaxTokens);
            }
            else
            {
                gatewaySamples[i] = await gateway.MeasureAsync(settings.MaxTokens);
                directSamples[i] = await direct.MeasureAsync(settings.MaxTokens);
            }
        }

        return (directSamples, gatewaySamples);
    }
}
