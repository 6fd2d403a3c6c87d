namespace OrleansMesh.Silo.Dashboard;

/// <summary>The body of <c>POST /dashboard/api/rollout</c>: a Rollout and <c>promote</c>, <c>abort</c>, <c>pause</c> or <c>resume</c>.</summary>
internal sealed record RolloutRequest(string? Namespace, string? Name, string? Action);
