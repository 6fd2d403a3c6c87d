using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace OrleansMesh.ModelServer.Tests.Embeddings;

public sealed class EmbeddingsTests
{
    [Fact]
    public async Task Post_TwoInputs_ReturnsListOfUnitVectorsOfDefaultLength()
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/embeddings", """{"model":"m","input":["a b","c"]}""");
        var body = await Requests.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", body.GetProperty("object").GetString());
        Assert.Equal("demo-model", body.GetProperty("model").GetString());
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            Assert.Equal("embedding", data[i].GetProperty("object").GetString());
            Assert.Equal(i, data[i].GetProperty("index").GetInt32());
            var vector = Floats(data[i].GetProperty("embedding"));
            Assert.Equal(8, vector.Length);
            Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 5);
        }

        Assert.Equal(3, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(3, body.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Post_SameInputTwice_ReturnsSameVector()
    {
        await using var server = await RunningModelServer.StartAsync();

        var first = await EmbedAsync(server, """{"input":"the same text","dimensions":16}""");
        var second = await EmbedAsync(server, """{"input":"the same text","dimensions":16}""");
        var other = await EmbedAsync(server, """{"input":"other text","dimensions":16}""");

        Assert.Equal(16, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Post_Base64Format_DecodesToTheFloatVector()
    {
        await using var server = await RunningModelServer.StartAsync();

        var floats = await EmbedAsync(server, """{"input":"x","encoding_format":"float"}""");
        using var response = await Requests.PostAsync(server.Client, "/v1/embeddings", """{"input":"x","encoding_format":"base64"}""");
        var encoded = (await Requests.ReadJsonAsync(response)).GetProperty("data")[0].GetProperty("embedding").GetString()!;

        Assert.Equal(floats, MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(encoded)).ToArray());
    }

    [Theory]
    [InlineData("""{"model":"m"}""", "input")]
    [InlineData("""{"input":"x","dimensions":0}""", "dimensions")]
    [InlineData("""{"input":"x","encoding_format":"hex"}""", "encoding_format")]
    public async Task Post_InvalidRequest_Returns400NamingParam(string json, string param)
    {
        await using var server = await RunningModelServer.StartAsync();

        using var response = await Requests.PostAsync(server.Client, "/v1/embeddings", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, (await Requests.ReadJsonAsync(response)).GetProperty("error").GetProperty("param").GetString());
    }

    private static async Task<float[]> EmbedAsync(RunningModelServer server, string json)
    {
        using var response = await Requests.PostAsync(server.Client, "/v1/embeddings", json);
        return Floats((await Requests.ReadJsonAsync(response)).GetProperty("data")[0].GetProperty("embedding"));
    }

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(e => e.GetSingle()).ToArray();
}
