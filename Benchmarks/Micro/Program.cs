using BenchmarkDotNet.Running;
using OrleansMesh.Benchmarks;

// No arguments runs every benchmark; BenchmarkDotNet's own switches (--filter, --job, ...) still apply.
var switches = args.Length == 0 ? ["--filter", "*"] : args;
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkMesh).Assembly).Run(switches, BenchmarkConfig.Create());
