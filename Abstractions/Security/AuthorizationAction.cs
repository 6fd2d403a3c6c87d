namespace OrleansMesh.Security;

/// <summary>Istio <c>AuthorizationPolicy.Action</c>.</summary>
public enum AuthorizationAction
{
    /// <summary>A request must match a rule of some ALLOW policy (when the workload has any).</summary>
    Allow,

    /// <summary>A request matching a rule is refused.</summary>
    Deny,

    /// <summary>A request matching a rule is logged; it neither allows nor denies.</summary>
    Audit,

    /// <summary>Delegated to an external authorizer: not supported by OrleansMesh (refused at apply time).</summary>
    Custom,
}
