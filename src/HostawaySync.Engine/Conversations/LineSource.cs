using System.Globalization;
using System.Text;

namespace HostawaySync.Engine.Conversations;

/// <summary>
/// Reads lines like <see cref="TextReader.ReadLine"/> (LF, CR LF and CR all end a line) with line numbers,
/// one line of look-ahead, a cap on line length, and no exceptions: a read failure ends the input and is
/// reported as a problem.
/// </summary>
internal sealed class LineSource
{
    /// <summary>Longest line kept, in characters; longer lines are cut so that a file without line breaks cannot exhaust memory.</summary>
    public const int MaxLineLength = 1 << 20;

    private readonly TextReader _reader;
    private readonly ProblemList _problems;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private bool _ended;
    private int _linesRead;
    private string? _peeked;

    public LineSource(TextReader reader, ProblemList problems)
    {
        _reader = reader;
        _problems = problems;
    }

    /// <summary>The 1-based number of the line last returned by <see cref="TryRead"/>.</summary>
    public int LineNumber { get; private set; }

    public bool TryRead(out string line)
    {
        if (_peeked is not null)
        {
            line = _peeked;
            _peeked = null;
            LineNumber++;
            return true;
        }

        var next = ReadRaw();
        if (next is null)
        {
            line = string.Empty;
            return false;
        }

        line = next;
        LineNumber++;
        return true;
    }

    public bool TryPeek(out string line)
    {
        _peeked ??= ReadRaw();
        line = _peeked ?? string.Empty;
        return _peeked is not null;
    }

    private string? ReadRaw()
    {
        _line.Clear();
        var sawAnything = false;
        var cut = false;
        while (EnsureData())
        {
            var c = _buffer[_position++];
            sawAnything = true;
            if (c == '\n')
            {
                break;
            }

            if (c == '\r')
            {
                if (EnsureData() && _buffer[_position] == '\n')
                {
                    _position++;
                }

                break;
            }

            if (_line.Length < MaxLineLength)
            {
                _line.Append(c);
            }
            else
            {
                cut = true;
            }
        }

        if (!sawAnything)
        {
            return null;
        }

        _linesRead++;
        if (_linesRead == 1 && _line.Length > 0 && _line[0] == '\uFEFF')
        {
            _line.Remove(0, 1);
        }

        var text = _line.ToString();
        if (cut)
        {
            _problems.Add(_linesRead, text, string.Create(CultureInfo.InvariantCulture,
                $"The line is longer than {MaxLineLength} characters; only the first {MaxLineLength} were kept."));
        }

        return text;
    }

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }

        if (_ended)
        {
            return false;
        }

        try
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (Exception ex) when (ex is IOException or DecoderFallbackException or ObjectDisposedException)
        {
            _length = 0;
            _problems.Add(_linesRead + 1, string.Empty, $"The file could not be read to the end ({ex.Message}); the rest was skipped.");
        }

        _position = 0;
        _ended = _length <= 0;
        return !_ended;
    }
}
