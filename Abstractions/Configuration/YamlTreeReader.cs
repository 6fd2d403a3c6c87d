using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OrleansMesh.Configuration;

/// <summary>
/// Builds <see cref="YamlTreeDocument"/>s from YamlDotNet's parser events without recursion, with limits on
/// nesting depth and on the size that aliases expand to (so "billion laughs" input stays cheap).
/// </summary>
internal sealed class YamlTreeReader
{
    public const int MaxDepth = 64;
    public const long MaxExpandedNodes = 100_000;

    private readonly List<YamlTreeDocument> _documents = [];
    private readonly Stack<Frame> _stack = new();
    private readonly Dictionary<string, (YamlTreeNode Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private YamlTreeNode? _root;
    private YamlMark _documentStart;
    private string? _error;
    private YamlMark _errorAt;

    private YamlTreeReader()
    {
    }

    /// <summary>Reads every document; a syntax error or a broken limit ends the stream with a last document carrying the error.</summary>
    public static List<YamlTreeDocument> Read(string text)
    {
        var reader = new YamlTreeReader();
        reader.ReadAll(text);
        return reader._documents;
    }

    internal static YamlMark ToMark(Mark mark) => new((int)Math.Clamp(mark.Line, 0, int.MaxValue), (int)Math.Clamp(mark.Column, 0, int.MaxValue));

    private void ReadAll(string text)
    {
        var parser = new Parser(new StringReader(text));
        var inDocument = false;
        var lastMark = new YamlMark(1, 1);
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastMark = ToMark(current.End);
                switch (current)
                {
                    case DocumentStart start:
                        BeginDocument(ToMark(start.Start));
                        inDocument = true;
                        break;
                    case DocumentEnd:
                        EndDocument();
                        inDocument = false;
                        break;
                    default:
                        if (inDocument && _error is null)
                        {
                            Handle(current);
                            if (_error is not null)
                            {
                                // Stop reading: YamlDotNet's scanner slows down badly on very deep input, and
                                // the rest of this document cannot be trusted to delimit the next one.
                                EndDocument();
                                return;
                            }
                        }

                        break;
                }
            }
        }
        catch (YamlException e)
        {
            SyntaxError(inDocument, "YAML syntax error: " + StripMark(e.Message), ToMark(e.Start));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some unterminated flow collections instead of a YamlException.
            SyntaxError(inDocument, "YAML syntax error: malformed YAML after this point (an unclosed '[' or '{'?)", lastMark);
        }
    }

    private void SyntaxError(bool inDocument, string message, YamlMark at)
    {
        if (!inDocument)
        {
            BeginDocument(at);
        }

        _root = null;
        _error ??= message;
        _errorAt = at;
        EndDocument();
    }

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 1) - (Line: ...): "; the diagnostic carries the line itself.
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && end > 0 ? message[(end + 3)..] : message;
    }

    private void BeginDocument(YamlMark start)
    {
        _stack.Clear();
        _anchors.Clear();
        _root = null;
        _error = null;
        _documentStart = start;
    }

    private void EndDocument()
    {
        var start = _root?.Start ?? _documentStart;
        _documents.Add(new YamlTreeDocument(_documents.Count + 1, start, _error is null ? _root : null, _error, _errorAt));
        _stack.Clear();
        _anchors.Clear();
        _root = null;
    }

    private void Handle(ParsingEvent current)
    {
        switch (current)
        {
            case Scalar scalar:
                var node = new YamlTreeScalar(ToMark(scalar.Start), scalar.Value, scalar.Style);
                Register(scalar.Anchor, node, 1);
                Add(node, 1);
                break;
            case SequenceStart sequence:
                Push(new YamlTreeSequence(ToMark(sequence.Start)), sequence.Anchor);
                break;
            case MappingStart mapping:
                Push(new YamlTreeMapping(ToMark(mapping.Start)), mapping.Anchor);
                break;
            case SequenceEnd or MappingEnd:
                var frame = _stack.Pop();
                Register(frame.Anchor, frame.Node, frame.Size);
                Add(frame.Node, frame.Size);
                break;
            case AnchorAlias alias:
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    Add(target.Node, target.Size);
                }
                else
                {
                    Fail($"unknown alias '*{alias.Value.Value}' (an alias must follow its anchor, in the same document)", ToMark(alias.Start));
                }

                break;
        }
    }

    private void Push(YamlTreeNode node, AnchorName anchor)
    {
        if (_stack.Count >= MaxDepth)
        {
            Fail($"nesting deeper than {MaxDepth} levels is not supported", node.Start);
            return;
        }

        _stack.Push(new Frame(node, anchor.IsEmpty ? null : anchor.Value));
    }

    private void Register(AnchorName anchor, YamlTreeNode node, long size) => Register(anchor.IsEmpty ? null : anchor.Value, node, size);

    private void Register(string? anchor, YamlTreeNode node, long size)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = (node, size);
        }
    }

    private void Add(YamlTreeNode node, long size)
    {
        if (_error is not null)
        {
            return;
        }

        if (_stack.Count == 0)
        {
            _root = node;
            return;
        }

        var frame = _stack.Peek();
        frame.Size += size;
        if (frame.Size > MaxExpandedNodes)
        {
            Fail($"the document is too large: more than {MaxExpandedNodes} nodes once aliases are expanded", node.Start);
            return;
        }

        if (frame.Node is YamlTreeSequence sequence)
        {
            sequence.Items.Add(node);
        }
        else if (frame.PendingKey is null)
        {
            if (node is YamlTreeScalar key)
            {
                frame.PendingKey = key;
            }
            else
            {
                Fail("a mapping key must be a plain value, not " + node.Describe(), node.Start);
            }
        }
        else
        {
            ((YamlTreeMapping)frame.Node).Entries.Add(new YamlTreeEntry(frame.PendingKey, node));
            frame.PendingKey = null;
        }
    }

    private void Fail(string message, YamlMark at)
    {
        _error ??= message;
        _errorAt = at;
        _stack.Clear();
    }

    private sealed class Frame(YamlTreeNode node, string? anchor)
    {
        public YamlTreeNode Node { get; } = node;

        public string? Anchor { get; } = anchor;

        public long Size { get; set; } = 1;

        public YamlTreeScalar? PendingKey { get; set; }
    }
}
