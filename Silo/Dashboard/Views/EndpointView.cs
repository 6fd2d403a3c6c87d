namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>An endpoint of the service registry, the subsets its labels put it in, its traffic and its ejection.</summary>
internal sealed record EndpointView(string Address, IReadOnlyList<string> Subsets, IReadOnlyDictionary<string, string> Labels, FiguresView Figures, EjectedView? Ejected);
