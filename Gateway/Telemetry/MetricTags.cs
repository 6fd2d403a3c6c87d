using System.Runtime.CompilerServices;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// Room for one request's labels on the stack: <see cref="System.Diagnostics.TagList"/> keeps only eight inline and
/// allocates past that, and Istio's label set is larger.
/// </summary>
[InlineArray(Capacity)]
internal struct MetricTags
{
    public const int Capacity = 15;

    private KeyValuePair<string, object?> _element;
}
