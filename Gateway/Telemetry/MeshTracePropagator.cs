using System.Diagnostics;
using System.Globalization;

namespace OrleansMesh.Gateway.Telemetry;

/// <summary>
/// W3C trace context (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>) and, where the client sent them, Zipkin's B3
/// headers (the single <c>b3</c> header or the <c>X-B3-*</c> set), as Envoy propagates both. A request that carries only
/// B3 joins its trace; an upstream request gets the gateway's span in <c>traceparent</c> always and in B3, in the style
/// the client used, when the client used B3. The client's own trace headers never reach the upstream unchanged: they name
/// the client's span, not the gateway's (YARP's <c>ReverseProxyPropagator</c> does the same for W3C).
/// </summary>
internal sealed class MeshTracePropagator : DistributedContextPropagator
{
    private const string Single = "b3";
    private const string TraceId = "X-B3-TraceId";
    private const string SpanId = "X-B3-SpanId";
    private const string ParentSpanId = "X-B3-ParentSpanId";
    private const string Sampled = "X-B3-Sampled";
    private const string Flags = "X-B3-Flags";

    private readonly DistributedContextPropagator _w3c;
    private readonly string[] _fields;
    private readonly ulong _firstLetters;
    private readonly int _singleIndex;
    private readonly int _traceIdIndex;

    public MeshTracePropagator(DistributedContextPropagator w3c)
    {
        ArgumentNullException.ThrowIfNull(w3c);
        _w3c = w3c;
        _fields = [.. w3c.Fields, Single, TraceId, SpanId, ParentSpanId, Sampled, Flags];

        // Which fields a request carries is kept as bits of an int.
        if (_fields.Length > 32)
        {
            throw new ArgumentException("The inner propagator has too many fields.", nameof(w3c));
        }

        foreach (var field in _fields)
        {
            _firstLetters |= LetterBit(field[0]);
        }

        _singleIndex = Array.IndexOf(_fields, Single);
        _traceIdIndex = Array.IndexOf(_fields, TraceId);
    }

    /// <summary>Over the process's default propagator (W3C).</summary>
    public static MeshTracePropagator Instance { get; } = new(Current);

    public override IReadOnlyCollection<string> Fields => _fields;

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        _w3c.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);
        if (traceId is null && getter is not null)
        {
            traceId = B3Parent(carrier, getter);
        }
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        _w3c.ExtractBaggage(carrier, getter);

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        if (carrier is not HttpRequestMessage message)
        {
            _w3c.Inject(activity, carrier, setter);
            return;
        }

        var style = RemoveTraceHeaders(message.Headers);

        _w3c.Inject(activity, carrier, setter);
        if (activity is null || setter is null || style == B3Style.None)
        {
            return;
        }

        var sampled = activity.Recorded ? "1" : "0";
        if (style == B3Style.Single)
        {
            setter(carrier, Single, $"{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{sampled}");
            return;
        }

        setter(carrier, TraceId, activity.TraceId.ToHexString());
        setter(carrier, SpanId, activity.SpanId.ToHexString());
        setter(carrier, Sampled, sampled);
        if (activity.ParentSpanId != default)
        {
            setter(carrier, ParentSpanId, activity.ParentSpanId.ToHexString());
        }
    }

    /// <summary>The B3 parent as a W3C <c>traceparent</c>, or null when the headers carry no valid trace and span id.</summary>
    internal static string? B3Parent(object? carrier, PropagatorGetterCallback getter)
    {
        string? trace, span, sampling;
        if (Read(carrier, getter, Single) is { } single)
        {
            // {TraceId}-{SpanId}[-{SamplingState}[-{ParentSpanId}]]; a lone sampling state carries no parent.
            var parts = single.Split('-');
            if (parts.Length < 2)
            {
                return null;
            }

            (trace, span, sampling) = (parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
        }
        else
        {
            // Most requests carry no B3 at all: without a trace id there is nothing to join, so stop at one lookup.
            trace = Read(carrier, getter, TraceId);
            if (trace is null)
            {
                return null;
            }

            span = Read(carrier, getter, SpanId);
            sampling = Read(carrier, getter, Flags) == "1" ? "d" : Read(carrier, getter, Sampled);
        }

        if (trace is null || span is null || !IsHex(trace, 16, 32) || !IsHex(span, 16, 16) || trace.All(c => c == '0') || span.All(c => c == '0'))
        {
            return null;
        }

        // Zipkin's 64-bit trace ids are the low half of a 128-bit one, as OpenTelemetry's B3 propagator reads them.
        var traceId = trace.Length == 16 ? "0000000000000000" + trace : trace;
        var flags = sampling is "1" or "d" || string.Equals(sampling, "true", StringComparison.OrdinalIgnoreCase) ? "01" : "00";
        return string.Create(CultureInfo.InvariantCulture, $"00-{traceId.ToLowerInvariant()}-{span.ToLowerInvariant()}-{flags}");
    }

    // Removes every trace field the upstream request carries (copied from the client's request) and tells the B3 style
    // the client used. One pass over the request's few headers: removing each of the nine fields by name would look
    // every one up, on every request, though almost none carries any.
    private B3Style RemoveTraceHeaders(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        var present = 0;
        foreach (var header in headers.NonValidated)
        {
            if (FieldIndex(header.Key) is var index and >= 0)
            {
                present |= 1 << index;
            }
        }

        if (present == 0)
        {
            return B3Style.None;
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            if ((present & (1 << i)) != 0)
            {
                headers.Remove(_fields[i]);
            }
        }

        return (present & (1 << _singleIndex)) != 0 ? B3Style.Single : (present & (1 << _traceIdIndex)) != 0 ? B3Style.Multiple : B3Style.None;
    }

    // A bit per first letter, case folded (letters share bits with other characters: a shared bit only costs the
    // comparisons it would have saved).
    private static ulong LetterBit(char first) => 1UL << (char.ToLowerInvariant(first) & 63);

    private int FieldIndex(string name)
    {
        // Most headers are not trace fields: their first letter already tells, before any comparison of names.
        if (name.Length == 0 || (_firstLetters & LetterBit(name[0])) == 0)
        {
            return -1;
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            if (string.Equals(name, _fields[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Read(object? carrier, PropagatorGetterCallback getter, string name)
    {
        getter(carrier, name, out var value, out var values);
        return value ?? values?.FirstOrDefault();
    }

    private static bool IsHex(string text, int minLength, int maxLength) =>
        (text.Length == minLength || text.Length == maxLength) && text.All(char.IsAsciiHexDigit);

    private enum B3Style
    {
        None,
        Single,
        Multiple,
    }
}
