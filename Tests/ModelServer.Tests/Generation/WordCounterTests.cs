using OrleansMesh.Samples.ModelServer.Generation;

namespace OrleansMesh.ModelServer.Tests.Generation;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("one", 1)]
    [InlineData("  one   two\nthree\t", 3)]
    public void Count_Text_CountsWhitespaceSeparatedWords(string text, int expected)
    {
        Assert.Equal(expected, WordCounter.Count(text));
    }
}
