namespace OrleansMesh.Gateway.Framing;

/// <summary>
/// Why the framing check refused a request: the status and code of the mesh's answer and a message that names the
/// rule (never the offending bytes).
/// </summary>
/// <param name="StatusCode">400, or 431 for a request head larger than Kestrel's limits.</param>
/// <param name="Code">The <c>code</c> of the JSON error: <c>invalid_request_line</c>, <c>invalid_header</c>,
/// <c>invalid_content_length</c>, <c>ambiguous_framing</c>, <c>unsupported_transfer_coding</c>,
/// <c>request_header_too_large</c> or <c>invalid_body</c>.</param>
/// <param name="Message">What rule the request broke.</param>
/// <param name="InBody">Found in a request's body, after its head went to the server (which then answers the
/// request); otherwise found in a head, which the server never sees (the connection answers).</param>
/// <param name="Request">The request's number on its connection, from 1.</param>
internal sealed record FramingViolation(int StatusCode, string Code, string Message, bool InBody, int Request);
