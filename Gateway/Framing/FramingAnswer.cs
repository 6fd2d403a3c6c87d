using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OrleansMesh.Gateway.Model;

namespace OrleansMesh.Gateway.Framing;

/// <summary>The mesh's answers to badly framed requests: 400 (or 431) with the JSON error and flag <c>DPE</c>.</summary>
internal static class FramingAnswer
{
    /// <summary>The refusal of a request the server parsed (a bad body): answered, then the connection closed.</summary>
    public static Rejection Reject(FramingViolation violation) =>
        new(RejectionKind.BadFraming, violation.Message) { StatusCode = violation.StatusCode, Code = violation.Code };

    /// <summary>The raw HTTP/1.1 response for a request head the server never saw; the connection closes after it.</summary>
    public static byte[] Raw(FramingViolation violation)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new MeshError(new MeshErrorDetail(violation.Code, violation.Message)), MeshErrorJsonContext.Default.MeshError);
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {violation.StatusCode} {ReasonPhrases.GetReasonPhrase(violation.StatusCode)}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n{MeshErrorResponses.FlagsHeader}: {ResponseFlags.DownstreamProtocolError}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
