namespace OrleansMesh.ControlPlane;

/// <summary>How serious a <see cref="ConfigDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The config is refused.</summary>
    Error,

    /// <summary>The config is accepted, but probably not what was meant (as Istio's analyzer warns).</summary>
    Warning,

    /// <summary>Worth knowing, nothing wrong (as Istio's analyzer's Info level, e.g. IST0131); only <c>meshctl analyze</c> reports it.</summary>
    Info,
}
