namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>An endpoint outlier detection took out, and for how much longer.</summary>
internal sealed record EjectedView(string Address, double RemainingSeconds, int Ejections);
