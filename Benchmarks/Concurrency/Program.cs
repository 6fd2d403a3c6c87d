using OrleansMesh.Benchmarks.Concurrency;

// Many concurrent streamed (SSE) responses: `backend` serves them, `client` opens them and measures token delays.
return args is ["backend", .. var backendArgs] ? await SseBackend.RunAsync(backendArgs)
    : args is ["client", .. var clientArgs] ? await StreamClient.RunAsync(ClientSettings.Parse(clientArgs))
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: backend --http1-port P [--h2c-port P] [--interval-ms 50] [--h2-streams 1000]");
    Console.Error.WriteLine("       client --url URL --host HOST --streams N --ramp-s S --window-s S [--watch-pid PID] [--label L] [--source-addresses K]");
    Console.Error.WriteLine("              [--heap-tools DIR (dotnet-gcdump, dotnet-counters) --dump-dir DIR]: the watched process's heap after a full GC, before and with the streams open");
    return 2;
}
