using ScottPlot;

namespace OrleansMesh.Benchmarks.Soak;

/// <summary>The soak's picture: memory per process over time, and the users' latency over time.</summary>
internal static class SoakChart
{
    public static void Save(List<Dictionary<string, string>> resources, List<Dictionary<string, string>> latency, string path)
    {
        var figure = new Multiplot();
        figure.AddPlots(2);
        var memory = figure.GetPlot(0);
        memory.Title("Working set (solid) and GC heap (dashed) per process, MB");
        memory.XLabel("minutes");
        foreach (var process in resources.Select(r => r["process"]).Distinct(StringComparer.Ordinal))
        {
            var rows = resources.Where(r => r["process"] == process).ToList();
            var minutes = rows.Select(r => r.Number("seconds") / 60).ToArray();
            var working = memory.Add.Scatter(minutes, rows.Select(r => r.Number("working_set_mb")).ToArray());
            working.LegendText = $"{process} working set";
            var heap = memory.Add.Scatter(minutes, rows.Select(r => r.Number("gc_heap_mb")).ToArray(), working.Color);
            heap.LegendText = $"{process} GC heap";
            heap.LinePattern = LinePattern.Dashed;
        }

        memory.Axes.SetLimitsY(0, resources.Max(r => r.Number("working_set_mb")) * 1.2);
        memory.ShowLegend(Alignment.LowerRight);

        var users = figure.GetPlot(1);
        users.Title("Users' latency per interval, ms");
        users.XLabel("minutes");
        var at = latency.Select(r => r.Number("seconds") / 60).ToArray();
        users.Add.Scatter(at, latency.Select(r => r.Number("p50_ms")).ToArray()).LegendText = "p50";
        users.Add.Scatter(at, latency.Select(r => r.Number("p99_ms")).ToArray()).LegendText = "p99";
        users.ShowLegend(Alignment.UpperRight);

        figure.SavePng(path, 1200, 900);
    }
}
