using System.Text;
using OrleansMesh.Gateway.Inference;

namespace OrleansMesh.Gateway.Tests.Inference;

public sealed class InferenceBodyParserTests
{
    [Fact]
    public void TryParse_ChatBody_ReadsModelStreamAndMaxTokens()
    {
        var parsed = Parse("""{"model":"chat-large","messages":[{"role":"user","content":"hi"}],"stream":true,"max_tokens":64}""");

        Assert.Equal(new InferenceBody("chat-large", true, 64), parsed);
    }

    [Fact]
    public void TryParse_ModelNamedAgain_IsTheSameString()
    {
        var first = Parse("""{"model":"repeat-model-a","messages":[]}""");
        var second = Parse("""{"messages":[],"model":"repeat-model-a"}""");

        Assert.Same(first.Model, second.Model);
    }

    [Fact]
    public void TryParse_EscapedModel_IsReadAsText()
    {
        Parse("""{"model":"escaped-model-b","messages":[]}""");

        var parsed = Parse("""{"model":"escaped\u002dmodel-b","messages":[]}""");

        Assert.Equal("escaped-model-b", parsed.Model);
    }

    [Fact]
    public void TryParse_ManyModels_EachReadsAsItself()
    {
        // More names than the remembered ones' slots: some share a slot, and none may be taken for another.
        var names = Enumerable.Range(0, 300).Select(i => $"many-model-{i}").ToArray();
        foreach (var name in names.Concat(names))
        {
            Assert.Equal(name, Parse($$"""{"model":"{{name}}","messages":[]}""").Model);
        }
    }

    [Fact]
    public void TryParse_ModelAfterOtherFields_IsFound()
    {
        var parsed = Parse("""{"messages":[{"role":"user","content":"x"}],"temperature":0.2,"tools":[],"model":"m2"}""");

        Assert.Equal("m2", parsed.Model);
    }

    [Fact]
    public void TryParse_NestedModelKeys_AreNotTakenForTheTopLevelOne()
    {
        var parsed = Parse("""{"metadata":{"model":"nested"},"messages":[{"role":"user","content":"{\"model\":\"in-text\"}","model":"in-message"}],"model":"top"}""");

        Assert.Equal("top", parsed.Model);
    }

    [Fact]
    public void TryParse_OnlyNestedModel_IsMissingModel()
    {
        Assert.Same(InferenceError.MissingModel, Fail("""{"metadata":{"model":"nested"},"messages":[]}"""));
    }

    [Fact]
    public void TryParse_EscapedPropertyName_IsReadAsModel()
    {
        Assert.Equal("m", Parse("""{"mod\u0065l":"m"}""").Model);
    }

    [Fact]
    public void TryParse_NoStreamOrTokens_DefaultsToNotStreamingAndNoLimit()
    {
        Assert.Equal(new InferenceBody("m", false, null), Parse("""{"model":"m","stream":null,"max_tokens":null}"""));
    }

    [Fact]
    public void TryParse_BothTokenLimits_MaxCompletionTokensWins()
    {
        Assert.Equal(10, Parse("""{"max_completion_tokens":10,"model":"m","max_tokens":99}""").MaxTokens);
    }

    [Fact]
    public void TryParse_OnlyMaxTokens_IsTheLimit()
    {
        Assert.Equal(99, Parse("""{"model":"m","max_tokens":99}""").MaxTokens);
    }

    [Theory]
    [InlineData("""{"model":"m",""")]
    [InlineData("""{"model":"m"} trailing""")]
    [InlineData("""{"model":"m","messages":[1,2,}""")]
    [InlineData("""{model:"m"}""")]
    [InlineData("""{"model":"m",}""")]
    [InlineData("not json")]
    public void TryParse_MalformedJson_IsInvalidJson(string body)
    {
        Assert.Same(InferenceError.MalformedJson, Fail(body));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"model\"")]
    [InlineData("42")]
    public void TryParse_NotAnObject_IsRefused(string body)
    {
        Assert.Same(InferenceError.NotAnObject, Fail(body));
    }

    [Fact]
    public void TryParse_Empty_IsEmptyBody()
    {
        Assert.Same(InferenceError.EmptyBody, Fail(""));
    }

    [Fact]
    public void TryParse_NoModel_IsMissingModel()
    {
        Assert.Same(InferenceError.MissingModel, Fail("""{"messages":[]}"""));
    }

    [Theory]
    [InlineData("""{"model":""}""")]
    [InlineData("""{"model":42}""")]
    [InlineData("""{"model":null}""")]
    [InlineData("""{"model":{"name":"m"}}""")]
    [InlineData("""{"model":["m"]}""")]
    [InlineData("""{"model":"line\nbreak"}""")]
    [InlineData("""{"model":"caf\u00e9"}""")]
    public void TryParse_ModelNotAUsableString_IsInvalidModel(string body)
    {
        Assert.Same(InferenceError.InvalidModel, Fail(body));
    }

    [Fact]
    public void TryParse_ModelAtTheLengthLimit_IsAccepted()
    {
        var model = new string('m', InferenceBodyParser.MaxModelBytes);

        Assert.Equal(model, Parse($$"""{"model":"{{model}}"}""").Model);
    }

    [Fact]
    public void TryParse_ModelOverTheLengthLimit_IsInvalidModel()
    {
        var model = new string('m', InferenceBodyParser.MaxModelBytes + 1);

        Assert.Same(InferenceError.InvalidModel, Fail($$"""{"model":"{{model}}"}"""));
    }

    [Fact]
    public void TryParse_ModelNotUtf8_IsInvalidModelNotThrown()
    {
        // Found by the inference-body fuzz target: GetString threw InvalidOperationException (a 500).
        byte[] body = [.. "{\"model\":\"m"u8, 0x92, .. "\"}"u8];

        Assert.False(InferenceBodyParser.TryParse(body, out _, out var error));
        Assert.Same(InferenceError.InvalidModel, error);
    }

    [Fact]
    public void TryParse_ModelEscapedLoneSurrogate_IsInvalidModelNotThrown()
    {
        Assert.Same(InferenceError.InvalidModel, Fail("""{"model":"\ud800"}"""));
    }

    [Fact]
    public void TryParse_ModelTwice_IsRefused()
    {
        Assert.Same(InferenceError.DuplicateModel, Fail("""{"model":"cheap","messages":[],"model":"expensive"}"""));
    }

    [Theory]
    [InlineData("""{"model":"m","stream":"yes"}""")]
    [InlineData("""{"model":"m","stream":1}""")]
    public void TryParse_StreamNotABoolean_IsInvalidStream(string body)
    {
        Assert.Same(InferenceError.InvalidStream, Fail(body));
    }

    [Theory]
    [InlineData("""{"model":"m","max_tokens":-1}""", "max_tokens")]
    [InlineData("""{"model":"m","max_tokens":1.5}""", "max_tokens")]
    [InlineData("""{"model":"m","max_tokens":"16"}""", "max_tokens")]
    [InlineData("""{"model":"m","max_completion_tokens":99999999999}""", "max_completion_tokens")]
    public void TryParse_TokenLimitNotANonNegativeInteger_NamesTheParam(string body, string param)
    {
        var error = Fail(body);

        Assert.Equal((400, param, "invalid_type"), (error.StatusCode, error.Param, error.Code));
    }

    [Fact]
    public void TryParse_MalformedAfterAFieldError_IsStillMalformed()
    {
        Assert.Same(InferenceError.MalformedJson, Fail("""{"model":42,"messages":[}"""));
    }

    private static InferenceBody Parse(string json)
    {
        Assert.True(InferenceBodyParser.TryParse(Encoding.UTF8.GetBytes(json), out var body, out var error), error?.Message);
        return body;
    }

    private static InferenceError Fail(string json)
    {
        Assert.False(InferenceBodyParser.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        return error!;
    }
}
