namespace OrleansMesh.Gateway.Health;

/// <summary>Names this gateway process to the control plane (health grains count reporters by it).</summary>
internal sealed class GatewayInstance
{
    /// <summary>Host, process and a random part, so gateways sharing a process (tests) stay distinct.</summary>
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
