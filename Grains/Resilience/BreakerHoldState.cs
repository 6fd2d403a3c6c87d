using OrleansMesh.Resilience;

namespace OrleansMesh.Grains.Resilience;

/// <summary>
/// The one part of a destination's health that is persisted: an operator's hold (<c>meshctl breaker open|close</c>).
/// Counts and windows are soft and rebuilt by the next reports; a hold is a decision, and must outlive the silo.
/// </summary>
[GenerateSerializer, Alias("om.BreakerHoldState")]
internal sealed class BreakerHoldState
{
    [Id(0)] public BreakerOverride Hold { get; set; }
}
