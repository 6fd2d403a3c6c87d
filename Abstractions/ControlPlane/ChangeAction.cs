namespace OrleansMesh.ControlPlane;

/// <summary>What an apply or delete did to one resource (kubectl's words).</summary>
public enum ChangeAction
{
    /// <summary>The resource did not exist and was stored.</summary>
    Created,

    /// <summary>The resource existed and was replaced with a different spec.</summary>
    Configured,

    /// <summary>The resource existed with the same content.</summary>
    Unchanged,

    /// <summary>The resource was deleted.</summary>
    Deleted,
}
