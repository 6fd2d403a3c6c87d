using System.Text;
using OrleansMesh.Gateway.Scheduling;

namespace OrleansMesh.Gateway.Tests.Scheduling;

public sealed class PromptBlocksTests
{
    private static readonly string Shared = new('s', 40);

    [Fact]
    public void Hash_SharedPrefix_SharesLeadingBlocksOnly()
    {
        var a = Hash($$"""{"model":"m","messages":[{"role":"system","content":"{{Shared}}"},{"role":"user","content":"aaaaaaaaaaaaaaaa"}]}""");
        var b = Hash($$"""{"model":"m","messages":[{"role":"system","content":"{{Shared}}"},{"role":"user","content":"bbbbbbbbbbbbbbbb"}]}""");

        Assert.Equal(3, a.Length);
        Assert.Equal(a[..2], b[..2]);
        Assert.NotEqual(a[2], b[2]);
    }

    [Fact]
    public void Hash_OtherModel_SharesNothing()
    {
        var body = $$"""{"messages":[{"role":"user","content":"{{Shared}}"}]}""";

        Assert.NotEqual(PromptBlocks.Hash(Encoding.UTF8.GetBytes(body), "a", 16, 64)[0], PromptBlocks.Hash(Encoding.UTF8.GetBytes(body), "b", 16, 64)[0]);
    }

    [Fact]
    public void Hash_CompletionPromptAndEscapes_AreReadAsText()
    {
        var escaped = Hash("""{"model":"m","prompt":"\u0061bcdefghijklmnopq"}""");
        var plain = Hash("""{"model":"m","prompt":"abcdefghijklmnopq"}""");

        Assert.Equal(plain, escaped);
        Assert.Single(plain);
    }

    [Fact]
    public void Hash_OtherFields_AreNotPrompt()
    {
        Assert.Empty(Hash("""{"model":"mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm","user":"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"}"""));
    }

    [Fact]
    public void Hash_MaxBlocks_Bounds()
    {
        Assert.Equal(2, PromptBlocks.Hash(Encoding.UTF8.GetBytes($$"""{"prompt":"{{new string('x', 500)}}"}"""), "m", 16, 2).Length);
    }

    [Fact]
    public void Hash_BrokenJson_KeepsWhatWasReadAndNeverThrows()
    {
        Assert.Single(Hash("""{"prompt":"abcdefghijklmnopqrstu", "x": [}"""));
    }

    private static ulong[] Hash(string json) => PromptBlocks.Hash(Encoding.UTF8.GetBytes(json), "m", 16, 64);
}
