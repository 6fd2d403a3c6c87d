using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OrleansMesh.Gateway.Inference;
using OrleansMesh.Gateway.LoadBalancing;
using OrleansMesh.Gateway.Scheduling;
using OrleansMesh.Gateway.Tests.LoadBalancing;
using OrleansMesh.Inference;

namespace OrleansMesh.Gateway.Tests.Scheduling;

public sealed class InferencePoolPickerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly InferencePickerOptions _options = new();
    private readonly UpstreamEndpoint[] _endpoints = Endpoints.Create(3);
    private readonly PoolState _pool;
    private readonly InferencePoolPicker _picker;

    public InferencePoolPickerTests()
    {
        _options.QueueCapacity = 2;
        _pool = new PoolState("llm.default.inferencepool", _options, _time);
        var slots = Array.ConvertAll(_endpoints, e => _pool.Slot(e.HostAndPort));
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i].Bind(_endpoints[i].State);
        }

        _pool.Retain([.. _endpoints.Select(e => e.HostAndPort)]);
        _picker = new InferencePoolPicker(_pool, slots, ImmutableDictionary<string, int>.Empty.Add("critical", 10), _options, new Random(3), _time, metrics: null);
    }

    [Fact]
    public void Pick_OneEndpointWithALongQueue_IsAvoided()
    {
        Push(Load(0, waiting: 4), Load(1, waiting: 0), Load(2, waiting: 3));

        var (picked, header) = Pick();

        Assert.Same(_endpoints[1], picked);
        Assert.StartsWith("endpoint=127.0.0.1:9002; reason=scored; scores=", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Pick_RepeatedWithoutPush_CountsItsOwnRequestsInFlightSoItDoesNotHerd()
    {
        Push(Load(0), Load(1), Load(2));

        var picked = Enumerable.Range(0, 6).Select(_ => Started(Pick().Endpoint)).ToList();

        Assert.All(_endpoints, e => Assert.Equal(2, picked.Count(p => ReferenceEquals(p, e))));
    }

    [Fact]
    public void Pick_RequestsInFlightThroughOtherGateways_CountAsQueue()
    {
        Push(Load(0), Load(1, waiting: 1), Load(2));
        PushInFlight(1, (0, 3), (2, 2));

        Assert.Same(_endpoints[1], Pick().Endpoint);
    }

    [Fact]
    public void Pick_InFlightTheScrapeSawRunning_IsNotCountedTwice()
    {
        Push(Load(0) with { Running = 2 }, Load(1, waiting: 1), Load(2, waiting: 1));
        PushInFlight(1, (0, 2));

        Assert.Same(_endpoints[0], Pick().Endpoint);
    }

    [Fact]
    public void Pick_BatchFullOnOneIdleOnAnother_GoesToTheIdleOne()
    {
        // Nothing waits anywhere, so the queue scorer ties; the requests in flight through the other gateways do not.
        Push(Load(0) with { Running = 2 }, Load(1) with { Running = 2 }, Load(2) with { Running = 2 });
        PushInFlight(1, (0, 2), (2, 2));

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Same(_endpoints[1], Pick().Endpoint));
    }

    [Fact]
    public void Pick_OwnRequestsInThePush_AreTakenOutAndCountedLive()
    {
        Push(Load(0), Load(1), Load(2));
        Started(_endpoints[0]);
        Started(_endpoints[0]);
        var report = _pool.TakeInFlightReport("me", TimeSpan.FromSeconds(1))!;

        // The grain's sums hold this gateway's report (2 on the first endpoint) and another gateway's 1 on each other one.
        _pool.ApplyInFlight(new PoolInFlight
        {
            Pool = _pool.Host,
            Sequence = 1,
            Activation = "a",
            Totals = ImmutableDictionary<string, int>.Empty.Add(_endpoints[0].HostAndPort, 2).Add(_endpoints[1].HostAndPort, 1).Add(_endpoints[2].HostAndPort, 1),
            Included = ImmutableDictionary<string, long>.Empty.Add("me", report.Sequence).Add("other", 5),
        }, "me");
        _endpoints[0].State.OnRequestFinished();
        _endpoints[0].State.OnRequestFinished();

        Assert.Same(_endpoints[0], Pick().Endpoint);
    }

    [Fact]
    public void Pick_InFlightPushOlderThanStaleAfter_CountsOnlyItsOwn()
    {
        PushInFlight(1, (0, 4), (1, 4));
        _time.Advance(_options.StaleAfter);
        Push(Load(0), Load(1), Load(2, waiting: 1));

        Assert.NotSame(_endpoints[2], Pick().Endpoint);
    }

    [Fact]
    public void ApplyInFlight_OlderPushOfTheSameActivation_IsIgnored()
    {
        Push(Load(0), Load(1), Load(2));
        PushInFlight(2, (1, 4), (2, 4));
        PushInFlight(1, (0, 4), (1, 4));

        Assert.Same(_endpoints[0], Pick().Endpoint);
    }

    [Fact]
    public void Pick_ClusterWideDispatchOff_IgnoresOtherGatewaysSends()
    {
        _options.ClusterWideDispatch = false;
        Push(Load(0), Load(1, waiting: 1), Load(2, waiting: 1));
        PushInFlight(1, (0, 3));

        Assert.Same(_endpoints[0], Pick().Endpoint);
    }

    [Fact]
    public void Pick_NoPushYet_FailsOpenToLeastRequest()
    {
        var (picked, header) = Pick();

        Assert.NotNull(picked);
        Assert.Equal($"endpoint={picked.HostAndPort}; reason=fail-open", header);
    }

    [Fact]
    public void Pick_PushOlderThanStaleAfter_FailsOpen()
    {
        Push(Load(0), Load(1), Load(2));
        _time.Advance(_options.StaleAfter);

        Assert.EndsWith("reason=fail-open", Pick().Header, StringComparison.Ordinal);
    }

    [Fact]
    public void Pick_OneEndpointsScrapeFailing_IsSkippedWhileOthersAreFresh()
    {
        Push(Load(0, waiting: 2), Load(1) with { Error = "HTTP 503" }, Load(2, waiting: 2));

        var picked = Enumerable.Range(0, 10).Select(_ => Pick().Endpoint).ToList();

        Assert.DoesNotContain(_endpoints[1], picked);
    }

    [Fact]
    public void Pick_AdapterRunningOnOneEndpoint_GoesThere()
    {
        Push(Load(0) with { MaxLora = 2, RunningAdapters = ["chat", "tts"] }, Load(1) with { MaxLora = 2, RunningAdapters = ["sql"] }, Load(2) with { MaxLora = 2, RunningAdapters = ["a", "b"] });

        Assert.Same(_endpoints[1], Pick(model: "sql").Endpoint);
    }

    [Fact]
    public void Pick_SharedPrefix_FollowsTheFirstRequest()
    {
        Push(Load(0), Load(1), Load(2));
        var prompt = new string('p', 600);
        var first = Started(Pick(prompt: prompt + " first").Endpoint);

        // The first request counts as queue on its endpoint, and the prefix outweighs it.
        var second = Pick(prompt: prompt + " second").Endpoint;

        Assert.Same(first, second);
    }

    [Fact]
    public void Pick_PrefixHintFromAnotherGateway_IsFollowed()
    {
        var blocks = PromptBlocks.Hash(Encoding.UTF8.GetBytes(Body("m", new string('q', 600))), "m", _options.PrefixBlockBytes, _options.MaxPrefixBlocks);
        Push([Load(0), Load(1), Load(2)], [.. blocks.Select(b => new PrefixHint(b, _endpoints[2].HostAndPort))]);

        Assert.Same(_endpoints[2], Pick(prompt: new string('q', 600)).Endpoint);
    }

    [Fact]
    public void Pick_AllTried_PicksAgainRatherThanFail()
    {
        Push(Load(0), Load(1), Load(2));

        Assert.NotNull(_picker.Pick(Context("m", null), _endpoints, _endpoints, now: 0));
    }

    [Fact]
    public async Task AdmitAsync_PoolWithRoom_PassesAtOnce()
    {
        Push(Load(0, waiting: 5), Load(1, waiting: 4), Load(2, waiting: 5));

        Assert.Null(await _picker.AdmitAsync(Context("m", null), delayed: false));
    }

    [Fact]
    public async Task AdmitAsync_PoolSaturated_WaitsUntilAPushShowsRoom()
    {
        Push(Saturated());
        var waiting = _picker.AdmitAsync(Context("m", null), delayed: false).AsTask();
        Assert.False(waiting.IsCompleted);

        Push(Load(0, waiting: 4), Load(1, waiting: 5), Load(2, waiting: 5));

        Assert.Null(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, _pool.Flow.Count);
    }

    [Fact]
    public async Task AdmitAsync_SaturatedForTheQueueTimeout_Answers503()
    {
        Push(Saturated());
        var waiting = _picker.AdmitAsync(Context("m", null), delayed: false).AsTask();

        // Pushes keep the metrics fresh; the pool stays saturated.
        for (var elapsed = TimeSpan.Zero; elapsed <= _options.QueueTimeout; elapsed += TimeSpan.FromMilliseconds(100))
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            Push(Saturated());
        }

        var rejection = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Model.RejectionKind.InferenceQueueTimeout, rejection?.Kind);
    }

    [Fact]
    public async Task AdmitAsync_QueueFull_ShedsLowerPriorityForHigher()
    {
        Push(Saturated());
        var low1 = _picker.AdmitAsync(Context("m", null), delayed: false).AsTask();
        var low2 = _picker.AdmitAsync(Context("m", null), delayed: false).AsTask();
        var critical = Context("m", null);
        critical.Request.Headers[InferencePickerOptions.ObjectiveHeader] = "critical";

        var high = _picker.AdmitAsync(critical, delayed: false).AsTask();
        var lowest = await _picker.AdmitAsync(Context("m", null), delayed: false);

        Assert.Equal(Model.RejectionKind.InferenceShed, (await low2.WaitAsync(TimeSpan.FromSeconds(5)))?.Kind);
        Assert.Equal(Model.RejectionKind.InferenceShed, lowest?.Kind);
        Assert.False(high.IsCompleted);
        Push(Load(0, waiting: 4), Load(1, waiting: 5), Load(2, waiting: 5));
        Assert.Null(await high.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(low1.IsCompleted);
    }

    [Fact]
    public async Task AdmitAsync_MetricsStale_NeverQueues()
    {
        Push(Saturated());
        _time.Advance(_options.StaleAfter);

        Assert.Null(await _picker.AdmitAsync(Context("m", null), delayed: false));
    }

    private EndpointLoad[] Saturated() => [Load(0, waiting: 5), Load(1, waiting: 6), Load(2, waiting: 9)];

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void Pick_ManyEndpoints_PicksTheOneWithRoom(int count)
    {
        var endpoints = Endpoints.Create(count);
        var pool = new PoolState("big.default.inferencepool", _options, _time);
        var slots = Array.ConvertAll(endpoints, e => pool.Slot(e.HostAndPort));
        pool.Retain([.. endpoints.Select(e => e.HostAndPort)]);
        var picker = new InferencePoolPicker(pool, slots, ImmutableDictionary<string, int>.Empty, _options, new Random(3), _time, metrics: null);
        pool.Apply(new PoolLoad
        {
            Pool = pool.Host,
            Endpoints = [.. endpoints.Select((e, i) => new EndpointLoad { Endpoint = e.HostAndPort, Waiting = i == count - 1 ? 0 : 4, Age = TimeSpan.FromMilliseconds(10) })],
        });

        Assert.Same(endpoints[^1], picker.Pick(Context("m", null), endpoints, [], now: 0));
    }

    private void Push(params EndpointLoad[] loads) => Push(loads, []);

    private void Push(EndpointLoad[] loads, ImmutableArray<PrefixHint> hints) =>
        _pool.Apply(new PoolLoad { Pool = _pool.Host, Sequence = 1, Endpoints = [.. loads], Prefixes = hints });

    private EndpointLoad Load(int index, int waiting = 0) =>
        new() { Endpoint = _endpoints[index].HostAndPort, Waiting = waiting, KvCacheUsage = 0.2, Age = TimeSpan.FromMilliseconds(10) };

    // Requests in flight through other gateways, by endpoint index; this gateway has reported none.
    private void PushInFlight(long sequence, params (int Index, int Count)[] counts) =>
        _pool.ApplyInFlight(new PoolInFlight
        {
            Pool = _pool.Host,
            Sequence = sequence,
            Activation = "a",
            Totals = counts.ToImmutableDictionary(c => _endpoints[c.Index].HostAndPort, c => c.Count),
        }, "me");

    // What the forwarder does with the endpoint a pick returns.
    private static UpstreamEndpoint Started(UpstreamEndpoint endpoint)
    {
        endpoint.State.OnRequestStarted();
        return endpoint;
    }

    private (UpstreamEndpoint Endpoint, string Header) Pick(string model = "m", string? prompt = null)
    {
        var context = Context(model, prompt);
        var picked = _picker.Pick(context, _endpoints, [], now: 0)!;
        return (picked, context.Response.Headers[InferencePickerOptions.ResultHeader].ToString());
    }

    private static DefaultHttpContext Context(string model, string? prompt)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[InferencePickerOptions.DebugHeader] = "1";
        var bytes = Encoding.UTF8.GetBytes(Body(model, prompt ?? ""));
        var body = new PooledRequestBody(bytes, bytes.Length);
        context.Response.RegisterForDispose(body);
        context.Features.Set(new InferenceRequest(model, stream: false, maxTokens: null, bytes.Length) { Body = body });
        return context;
    }

    private static string Body(string model, string prompt) => $$"""{"model":"{{model}}","messages":[{"role":"user","content":"{{prompt}}"}]}""";
}
