namespace OrleansMesh.Gateway.Tests.Resilience;

/// <summary>A Random that always rolls 0: back-offs of zero, so retry tests need no clock.</summary>
internal sealed class ZeroRandom : Random
{
    public override double NextDouble() => 0;

    protected override double Sample() => 0;
}
