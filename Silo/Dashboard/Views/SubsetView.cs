namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>A DestinationRule subset: its labels, configured weight beside observed share, traffic and breaker.</summary>
/// <remarks><c>ObservedShare</c>: percent of the requests to the split route's subsets that this subset took, null without traffic or weight.</remarks>
internal sealed record SubsetView(string Name, IReadOnlyDictionary<string, string> Labels, int? ConfiguredWeight, double? ObservedShare, FiguresView Figures, BreakerView Breaker);
