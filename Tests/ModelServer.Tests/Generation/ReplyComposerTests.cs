using OrleansMesh.Samples.ModelServer.Generation;
using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Generation;

public sealed class ReplyComposerTests
{
    private readonly ReplyComposer composer = new(new ModelServerOptions { Name = "m", Version = "v3" });

    [Theory]
    [InlineData(1, "Hello")]
    [InlineData(4, "Hello from m v3:")]
    [InlineData(6, "Hello from m v3: tokens flow")]
    public void Compose_Count_StartsWithGreetingNamingModelAndVersion(int count, string expected)
    {
        Assert.Equal(expected, composer.Compose(count));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(37)]
    public void Compose_Count_HasExactlyThatManyWords(int count)
    {
        Assert.Equal(count, WordCounter.Count(composer.Compose(count)));
    }

    [Fact]
    public void Token_AllTokensConcatenated_EqualCompose()
    {
        var tokens = string.Concat(Enumerable.Range(0, 40).Select(composer.Token));

        Assert.Equal(composer.Compose(40), tokens);
    }
}
