namespace OrleansMesh.Gateway.Scheduling;

/// <summary>What the scorers look at for one candidate endpoint.</summary>
/// <param name="Queue">Waiting requests plus those sent since the scrape, by every gateway.</param>
/// <param name="KvCache">KV-cache use, 0..1.</param>
/// <param name="Lora">LoRA affinity, 0..1: the adapter running there, waiting there, a free slot, none.</param>
/// <param name="PrefixBlocks">Leading prompt blocks last sent to this endpoint.</param>
/// <param name="InFlight">Requests in flight to it through every gateway (only this gateway's when dispatch is counted locally).</param>
internal readonly record struct ScoreInput(int Queue, double KvCache, double Lora, int PrefixBlocks, int InFlight = 0);
