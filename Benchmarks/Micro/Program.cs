using BenchmarkDotNet.Running;
using OrleansMesh.Benchmarks;
using OrleansMesh.Benchmarks.RequestPath;

// `alloc` runs the request-path allocation harness; otherwise BenchmarkDotNet: no arguments runs every benchmark,
// and its own switches (--filter, --job, ...) still apply.
if (args is ["alloc", .. var rest])
{
    return await AllocationHarness.RunAsync(rest);
}

var switches = args.Length == 0 ? ["--filter", "*"] : args;
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkMesh).Assembly).Run(switches, BenchmarkConfig.Create());
return 0;
