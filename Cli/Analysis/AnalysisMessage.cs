using OrleansMesh.ControlPlane;

namespace OrleansMesh.Cli.Analysis;

/// <summary>One finding of <c>meshctl analyze</c>, as <c>istioctl analyze</c> prints them.</summary>
/// <param name="Severity">Error, Warning or Info.</param>
/// <param name="Code">Istio's analyzer code where Istio has one (<c>IST0101</c>), else the mesh's (<c>OM…</c>).</param>
/// <param name="Resource"><c>VirtualService default/reviews</c>.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record AnalysisMessage(DiagnosticSeverity Severity, string Code, string Resource, string Message)
{
    public override string ToString() => $"{Severity} [{Code}] ({Resource}) {Message}";
}
