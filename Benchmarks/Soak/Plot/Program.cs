using System.Globalization;
using OrleansMesh.Benchmarks.Soak;

// Plots a soak run: each process's working set and GC heap (MB) over time above, the users' p50/p99 latency below.
//   dotnet run --project Benchmarks/Soak/Plot -- soak.csv soak.latency.csv soak.png
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: SoakPlot RESOURCES.csv LATENCY.csv OUT.png");
    return 2;
}

var resources = SoakCsv.Read(args[0]);
var latency = SoakCsv.Read(args[1]);
SoakChart.Save(resources, latency, args[2]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {args[2]} ({resources.Count} resource samples, {latency.Count} latency intervals)"));
return 0;
