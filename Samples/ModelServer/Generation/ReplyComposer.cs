using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.Samples.ModelServer.Generation;

/// <summary>
/// The deterministic reply: "Hello from &lt;name&gt; &lt;version&gt;: ..." cut to exactly N words.
/// Token i is word i with its leading space, so streamed tokens concatenate to the non-streamed content.
/// </summary>
internal sealed class ReplyComposer
{
    private static readonly string[] Filler =
        [" tokens", " flow", " through", " the", " mesh", " to", " this", " replica", " and", " back", " again", " with", " every", " route", " intact", " today"];

    private readonly string[] prefix;
    private readonly int defaultCount;
    private readonly string defaultReply;

    public ReplyComposer(ModelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        prefix = ["Hello", " from", " " + options.Name, " " + options.Version + ":"];
        defaultCount = options.DefaultMaxTokens;
        defaultReply = Build(defaultCount);
    }

    public string Token(int index) => index < prefix.Length ? prefix[index] : Filler[(index - prefix.Length) % Filler.Length];

    /// <summary>The full reply of <paramref name="count"/> tokens; the common default length is built once at start.</summary>
    public string Compose(int count) => count == defaultCount ? defaultReply : Build(count);

    private string Build(int count)
    {
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length += Token(i).Length;
        }

        return string.Create(length, (composer: this, count), static (span, state) =>
        {
            for (var i = 0; i < state.count; i++)
            {
                var token = state.composer.Token(i);
                token.CopyTo(span);
                span = span[token.Length..];
            }
        });
    }
}
