namespace OrleansMesh.Dashboard.Tests.Infrastructure;

/// <summary>A dev mesh whose silo has an admin token: reading is open, actions need the token.</summary>
public sealed class SecuredMesh() : DashboardMesh(Token)
{
    public const string Token = "dashboard-test-token-0123456789abcdef";
}
