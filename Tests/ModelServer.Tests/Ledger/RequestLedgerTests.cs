using OrleansMesh.Samples.ModelServer.Hosting;

namespace OrleansMesh.ModelServer.Tests.Ledger;

public sealed class RequestLedgerTests : IDisposable
{
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"model-ledger-{Guid.NewGuid():N}.ids");

    public void Dispose() => File.Delete(_log);

    [Fact]
    public async Task RequestLog_Posts_AppendsEachRequestIdOnceInOrder()
    {
        await using (var server = await RunningModelServer.StartAsync(new ModelServerOptions { RequestLog = _log }))
        {
            foreach (var id in new[] { "a1", "b2", "a1" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Requests.Json(Requests.Chat()) };
                request.Headers.Add("x-request-id", id);
                using var response = await server.Client.SendAsync(request).WaitAsync(Requests.Guard);
                response.EnsureSuccessStatusCode();
            }

            (await server.Client.GetAsync("/healthz")).EnsureSuccessStatusCode();
        }

        Assert.Equal(["a1", "b2", "a1"], await File.ReadAllLinesAsync(_log));
    }
}
