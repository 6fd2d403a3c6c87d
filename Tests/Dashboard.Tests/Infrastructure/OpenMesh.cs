namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>A dev mesh without an admin token: every action is open, and the page must say so.</summary>
public sealed class OpenMesh() : DashboardMesh(null);
