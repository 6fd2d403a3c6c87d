using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Scheduling;

/// <summary>
/// GIE's default scheduling profile, pure: drop saturated endpoints (queue at or above the threshold, or KV cache at or
/// above its threshold) unless every endpoint is saturated; score each remaining one with the weighted sum of the queue
/// scorer, the KV-cache scorer (1 - use), the LoRA-affinity scorer, the prefix scorer (share of the prompt's blocks
/// last sent there) and the active-request scorer (requests in flight there through every gateway, as llm-d's
/// active-request scorer); take the best, at random among those within the score tolerance of it. The queue scorer is threshold / (threshold + queue), where
/// GIE's is min-max over the candidates: with dispatches counted between scrapes, one request more must weigh about
/// the same whether the others have 0 or 4 queued, or a one-request difference outweighs an adapter already loaded or
/// a cached prefix; and it never reaches 0, so with every endpoint saturated the shorter queue still wins. The
/// active-request scorer has the same shape over requests in flight: the queue scorer cannot tell an idle server from
/// one whose batch is exactly full (both have nothing waiting), and the scrape that would show the batch is up to a
/// scrape interval old, where the in-flight counts are a push interval old.
/// </summary>
internal static class EndpointScoring
{
    private const double Tie = 1e-9;

    /// <summary>The index of the chosen input; <paramref name="scores"/> gets each input's total (NaN when filtered out).</summary>
    public static int Pick(ReadOnlySpan<ScoreInput> inputs, int promptBlocks, InferencePickerOptions options, Random random, Span<double> scores, out bool allSaturated)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        allSaturated = true;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (!Saturated(inputs[i], options))
            {
                allSaturated = false;
                break;
            }
        }

        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            if (!allSaturated && Saturated(input, options))
            {
                scores[i] = double.NaN;
                continue;
            }

            var queue = (double)options.QueueThreshold / (options.QueueThreshold + Math.Max(0, input.Queue));
            var prefix = promptBlocks == 0 ? 0 : (double)input.PrefixBlocks / promptBlocks;
            var active = (double)options.QueueThreshold / (options.QueueThreshold + Math.Max(0, input.InFlight));
            scores[i] = (options.QueueWeight * queue) + (options.KvCacheWeight * (1 - input.KvCache))
                + (options.LoraWeight * input.Lora) + (options.PrefixWeight * prefix) + (options.ActiveRequestWeight * active);
            bestScore = Math.Max(bestScore, scores[i]);
        }

        // Every score within the tolerance of the best is as good: the pick among them is random, so gateways that
        // see the same view in the same instant spread their requests instead of all sending to one endpoint.
        var best = -1;
        var ties = 0;
        var floor = bestScore - Math.Max(Tie, options.ScoreTolerance);
        for (var i = 0; i < inputs.Length; i++)
        {
            if (scores[i] >= floor && random.Next(++ties) == 0)
            {
                best = i;
            }
        }

        return best;
    }

    public static bool Saturated(ScoreInput input, InferencePickerOptions options) =>
        input.Queue >= options.QueueThreshold || input.KvCache >= options.KvCacheThreshold;

    /// <summary>GIE's LoRA affinity: the adapter already running there, then waiting there, then a free adapter slot.</summary>
    public static double LoraAffinity(string adapter, EndpointLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (load.RunningAdapters.Contains(adapter, StringComparer.Ordinal))
        {
            return 1;
        }

        if (load.WaitingAdapters.Contains(adapter, StringComparer.Ordinal))
        {
            return 0.8;
        }

        return load.MaxLora > load.RunningAdapters.Length + load.WaitingAdapters.Length ? 0.5 : 0;
    }
}
