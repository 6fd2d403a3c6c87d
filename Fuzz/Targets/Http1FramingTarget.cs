using System.Buffers;
using OrleansMesh.Gateway.Framing;

namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// <see cref="Http1RequestFraming"/> on any connection bytes, once whole and once in pieces whose sizes come from the
/// input's first byte (so a finding replays exactly): the same verdict either way (bytes passed, requests, state,
/// violation), never more bytes passed than received.
/// </summary>
internal sealed class Http1FramingTarget : IFuzzTarget
{
    private const int MaxHeadBytes = 1024;

    public string Name => "framing";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var seed = input[0];
        var bytes = input[1..].ToArray();
        var whole = Feed(bytes, _ => bytes.Length);
        var random = new Random(seed);
        var split = Feed(bytes, _ => random.Next(1, 1 + (seed % 16) + 1));
        var bytewise = Feed(bytes, _ => 1);
        FuzzPropertyException.Check(whole == split, $"whole {whole} but in pieces (seed {seed}) {split}");
        FuzzPropertyException.Check(whole == bytewise, $"whole {whole} but byte by byte {bytewise}");
    }

    private static Verdict Feed(byte[] bytes, Func<int, int> piece)
    {
        var framing = new Http1RequestFraming(MaxHeadBytes);
        var received = 0;
        var passed = 0;
        while (received < bytes.Length)
        {
            received = Math.Min(bytes.Length, received + piece(received));
            var examined = framing.Examine(new ReadOnlySequence<byte>(bytes, passed, received - passed), serverIdle: true);
            FuzzPropertyException.Check(examined >= 0 && passed + examined <= received, $"passed {passed} + {examined} of {received} bytes received");
            passed += (int)examined;
        }

        // The server reads again once it consumed everything (as after an upgrade request), until nothing more passes.
        long more;
        while (passed < received && (more = framing.Examine(new ReadOnlySequence<byte>(bytes, passed, received - passed), serverIdle: true)) > 0)
        {
            passed += (int)more;
        }

        var violation = framing.Violation;
        return new Verdict(passed, framing.Requests, framing.State, violation?.StatusCode, violation?.Code, violation?.InBody, violation?.Request);
    }

    private readonly record struct Verdict(int Passed, int Requests, FramingState State, int? Status, string? Code, bool? InBody, int? Request);
}
