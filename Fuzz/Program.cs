using OrleansMesh.Fuzz.Targets;
using SharpFuzz;

// eng/fuzz.sh runs this under afl-fuzz: `OrleansMesh.Fuzz TARGET` reads inputs from afl++ in a persistent loop.
// `OrleansMesh.Fuzz TARGET FILE...` runs files once each, to reproduce a finding with a plain stack trace.
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var create))
{
    Console.Error.WriteLine($"usage: OrleansMesh.Fuzz TARGET [FILE...]; targets: {string.Join(", ", FuzzTargets.All.Keys.Order(StringComparer.Ordinal))}");
    return 2;
}

if (args.Length > 1)
{
    var once = create();
    foreach (var file in args.Skip(1))
    {
        once.Run(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: ok");
    }

    return 0;
}

IFuzzTarget? target = null;
Fuzzer.Run(stream =>
{
    target ??= create();
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
