namespace OrleansMesh.Silo.Dashboard.Views;

/// <summary>Whether the silo has an admin token and whether this browser's session holds it.</summary>
internal sealed record AccessView(bool TokenRequired, bool SignedIn);
