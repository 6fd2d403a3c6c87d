namespace OrleansMesh.Silo.Dashboard;

/// <summary>The body of <c>POST /dashboard/api/session</c>: the admin token, typed once.</summary>
internal sealed record SignInRequest(string? Token);
