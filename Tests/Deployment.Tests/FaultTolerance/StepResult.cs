using System.Globalization;

namespace OrleansMesh.Deployment.Tests.FaultTolerance;

/// <summary>One step of the scenario as printed: its traffic (all gateways) and how long things took to converge.</summary>
internal sealed record StepResult(string Step, TimeSpan Duration, TrafficCounts Traffic, IReadOnlyList<string> Convergence)
{
    public const string Header = "| Step | Duration | Sent | Succeeded | Failed | Expected failures (killed gateway) | Convergence |";
    public const string Rule = "| --- | ---: | ---: | ---: | ---: | ---: | --- |";

    public string Row => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Step} | {Duration.TotalSeconds:F1} s | {Traffic.Sent} | {Traffic.Succeeded} | {Traffic.Failed} | {Traffic.ExpectedFailures} | {string.Join("; ", Convergence)} |");

    public static string Table(IEnumerable<StepResult> steps) =>
        string.Join(Environment.NewLine, [Header, Rule, .. steps.Select(s => s.Row)]);
}
