using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OrleansMesh.Integration.Tests.Traffic;

/// <summary>Config documents of the traffic tests: one service per backend, routes written out by each test fixture.</summary>
internal static class TrafficYaml
{
    /// <summary>A ServiceEntry for <paramref name="host"/> (port 80) with one endpoint on 127.0.0.1.</summary>
    public static string Service(string host, int port) => $$$"""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: {{{host}}}}
        spec:
          hosts: [{{{host}}}]
          ports: [{number: 80, name: http, protocol: HTTP}]
          resolution: STATIC
          endpoints:
          - {address: 127.0.0.1, ports: {http: {{{port}}}}}
        """;

    /// <summary>A VirtualService for <paramref name="host"/> routing to itself, with <paramref name="extra"/> fields of its one route.</summary>
    public static string Route(string host, string extra) => $$"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: {{host}}}
        spec:
          hosts: [{{host}}]
          http:
          - route:
            - destination: {host: {{host}}}
        {{string.Concat(extra.Split('\n').Select(line => "    " + line + "\n"))}}
        """;

    // Kept bound for the life of the test process: a released port can be handed to the next server another test
    // starts on port 0 (one that accepts and never answers made a refused mirror hang for its 60 s timeout).
    private static readonly ConcurrentBag<Socket> s_refusing = [];

    /// <summary>
    /// A loopback port that refuses connections: bound and never listening, so no other socket can take it while the
    /// tests run and every connection attempt is reset at once.
    /// </summary>
    public static int ClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        s_refusing.Add(socket);
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
