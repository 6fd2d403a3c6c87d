namespace OrleansMesh.Cli;

/// <summary>meshctl's exit codes; scripts tell a bad config from an absent mesh by them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>Bad config, bad usage, or the mesh refused the change.</summary>
    public const int ConfigError = 1;

    /// <summary>The mesh control plane could not be reached.</summary>
    public const int Unreachable = 2;

    /// <summary><c>diff</c> only: applying the files would change the mesh.</summary>
    public const int Differences = 3;
}
