using System.Globalization;

namespace OrleansMesh.Deployment.Tests.Soak;

/// <summary>
/// Reads a mesh process's resources: working set and threads from <c>/proc/ID/status</c>, open handles and sockets
/// from <c>/proc/ID/fd</c>, and the GC heap after the last collection from its own <c>/metrics</c>
/// (<c>dotnet_gc_last_collection_heap_size_bytes</c>, summed over generations).
/// </summary>
internal sealed class ProcessProbe(string name, int pid, Uri metrics) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public string Name { get; } = name;

    public async Task<ProcessSample> SampleAsync(TimeSpan at)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        var rssKb = Field(status, "VmRSS:");
        var threads = (int)Field(status, "Threads:");
        var handles = 0;
        var sockets = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            handles++;
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:", StringComparison.Ordinal))
                {
                    sockets++;
                }
            }
            catch (IOException)
            {
                // Closed while we looked.
            }
        }

        return new ProcessSample(at, Name, rssKb / 1024.0, await GcHeapBytesAsync() / (1024.0 * 1024.0), threads, handles, sockets);
    }

    public void Dispose() => _http.Dispose();

    private async Task<double> GcHeapBytesAsync()
    {
        var text = await _http.GetStringAsync(metrics);
        return text.Split('\n')
            .Where(l => l.StartsWith("dotnet_gc_last_collection_heap_size_bytes{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static long Field(string[] status, string name) =>
        long.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
