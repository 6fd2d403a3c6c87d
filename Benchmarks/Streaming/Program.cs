using OrleansMesh.Benchmarks.Streaming;

// Time to first token of streamed chat completions, direct to a model server and through a mesh gateway, interleaved.
var settings = TtftSettings.Parse(args);
using var direct = new TtftProbe(settings.Direct, settings.Host, settings.Headers);
using var gateway = new TtftProbe(settings.Gateway, settings.Host, settings.Headers);
var (directSamples, gatewaySamples) = await TtftRun.RunAsync(direct, gateway, settings);
var report = TtftReport.Markdown(settings, TtftStats.Of(directSamples), TtftStats.Of(gatewaySamples));
Console.WriteLine(report);
if (settings.Output is { } output)
{
    await File.WriteAllTextAsync(output, report);
}
