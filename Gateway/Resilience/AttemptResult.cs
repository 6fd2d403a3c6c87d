using OrleansMesh.Gateway.Model;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansMesh.Gateway.Resilience;

/// <summary>
/// One attempt: its outcome, the upstream status (0 without a response), YARP's error, and whether the request
/// path decided to try again (the retry strategy only reads that decision).
/// </summary>
internal readonly record struct AttemptResult(UpstreamOutcome Outcome, int StatusCode, ForwarderError Error, bool WillRetry);
