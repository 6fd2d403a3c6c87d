using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OrleansMesh.Deployment.Tests.Failover;

/// <summary>
/// Times of a failover's steps from one origin (the kill), as the test observes them; printed as a table and, with
/// <c>ORLEANSMESH_FAILOVER_REPORT</c> set, appended to that file (<c>Benchmarks/Failover/run.sh</c> collects it).
/// </summary>
internal sealed class FailoverTimeline(string scenario)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Step, TimeSpan At)> _steps = [("kill", TimeSpan.Zero)];

    public TimeSpan Now => _clock.Elapsed;

    public TimeSpan Mark(string step)
    {
        var at = _clock.Elapsed;
        lock (_steps)
        {
            _steps.Add((step, at));
        }

        return at;
    }

    public void Mark(string step, TimeSpan at)
    {
        lock (_steps)
        {
            _steps.Add((step, at));
        }
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{scenario}:");
        text.AppendLine("| Step | Since kill |");
        text.AppendLine("| --- | ---: |");
        lock (_steps)
        {
            foreach (var (step, at) in _steps.OrderBy(s => s.At))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {at.TotalSeconds:F2} s |");
            }
        }

        return text.ToString();
    }

    public async Task ReportAsync(Xunit.Abstractions.ITestOutputHelper output)
    {
        var table = Table();
        output.WriteLine(table);
        if (Environment.GetEnvironmentVariable("ORLEANSMESH_FAILOVER_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, table + Environment.NewLine);
        }
    }
}
