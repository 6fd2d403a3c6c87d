using OrleansMesh.Fuzz.Targets;

namespace OrleansMesh.Fuzz.Tests;

/// <summary>
/// Replays every file of Fuzz/corpus (the seeds and every crash the fuzzers found, minimised) through its target, as
/// afl++ ran it: a crash that was fixed stays fixed, and a seed that stops meaning what it meant is noticed.
/// </summary>
public sealed class CorpusReplayTests
{
    private static readonly string s_corpus = Path.Combine(AppContext.BaseDirectory, "corpus");

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var directory in Directory.GetDirectories(s_corpus).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(directory), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Replay_CorpusFile_PropertiesHold(string target, string file)
    {
        var run = FuzzTargets.All[target]();

        run.Run(File.ReadAllBytes(Path.Combine(s_corpus, target, file)));
    }

    [Fact]
    public void Corpus_EveryTarget_HasSeeds()
    {
        var withSeeds = Directory.GetDirectories(s_corpus).Where(d => Directory.EnumerateFiles(d).Any()).Select(Path.GetFileName);

        Assert.Equal(FuzzTargets.All.Keys.Order(StringComparer.Ordinal), withSeeds.Order(StringComparer.Ordinal));
    }
}
