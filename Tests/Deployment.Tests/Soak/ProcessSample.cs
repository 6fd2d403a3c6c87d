using System.Globalization;

namespace OrleansMesh.Deployment.Tests.Soak;

/// <summary>One process's resources at one moment of the soak.</summary>
internal sealed record ProcessSample(TimeSpan At, string Process, double WorkingSetMb, double GcHeapMb, int Threads, int Handles, int Sockets)
{
    public const string CsvHeader = "seconds,process,working_set_mb,gc_heap_mb,threads,handles,sockets";

    public string ToCsv() => string.Create(CultureInfo.InvariantCulture, $"{At.TotalSeconds:F0},{Process},{WorkingSetMb:F1},{GcHeapMb:F1},{Threads},{Handles},{Sockets}");
}
