using OrleansMesh.Security;

namespace OrleansMesh.Samples.ModelServer.Security;

/// <summary>The mutual TLS mode a new connection gets, asked once per connection so a policy change applies to the next one.</summary>
internal interface IPeerModeProvider
{
    /// <summary>DISABLE, PERMISSIVE or STRICT (never UNSET) for a connection to the server's <paramref name="port"/>.</summary>
    MutualTlsMode ModeFor(int port);
}
