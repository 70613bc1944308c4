using System.Globalization;
using System.Text;

namespace HostawaySync.Engine.Conversations;

/// <summary>Cutting and cleaning text without breaking characters: lone surrogates, text elements, UTF-8 budgets.</summary>
internal static class TextLimits
{
    private const char ReplacementCharacter = '\uFFFD';

    /// <summary>Replaces unpaired UTF-16 surrogates with U+FFFD, which is what a UTF-8 encoder would write for them anyway.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        var firstBad = FindLoneSurrogate(text, 0);
        if (firstBad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var start = 0;
        while (firstBad >= 0)
        {
            builder.Append(text, start, firstBad - start).Append(ReplacementCharacter);
            start = firstBad + 1;
            firstBad = FindLoneSurrogate(text, start);
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>
    /// The longest prefix made of whole text elements (grapheme clusters: a surrogate pair, an emoji ZWJ
    /// sequence, a letter with its combining marks) within both budgets. A single element larger than the
    /// budget is cut between code points instead, so the result is only empty when the budget is.
    /// </summary>
    public static string Truncate(string text, int maxChars, int maxUtf8Bytes)
    {
        if (text.Length <= maxChars && Encoding.UTF8.GetByteCount(text) <= maxUtf8Bytes)
        {
            return text;
        }

        var chars = 0;
        var bytes = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var elementBytes = Encoding.UTF8.GetByteCount(element);
            if (chars + element.Length > maxChars || bytes + elementBytes > maxUtf8Bytes)
            {
                return chars == 0 ? TruncateRunes(element, maxChars, maxUtf8Bytes) : text[..chars];
            }

            chars += element.Length;
            bytes += elementBytes;
        }

        return text;
    }

    /// <summary>Shows a line in a problem report: control characters as spaces, cut to about 200 characters.</summary>
    public static string ForDisplay(string line)
    {
        const int MaxDisplayLength = 200;
        var cut = Truncate(line, MaxDisplayLength, int.MaxValue);
        var builder = new StringBuilder(cut.Length + 1);
        foreach (var c in cut)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return cut.Length < line.Length ? builder.Append('…').ToString() : builder.ToString();
    }

    private static string TruncateRunes(string element, int maxChars, int maxUtf8Bytes)
    {
        var chars = 0;
        var bytes = 0;
        foreach (var rune in element.EnumerateRunes())
        {
            if (chars + rune.Utf16SequenceLength > maxChars || bytes + rune.Utf8SequenceLength > maxUtf8Bytes)
            {
                break;
            }

            chars += rune.Utf16SequenceLength;
            bytes += rune.Utf8SequenceLength;
        }

        return element[..chars];
    }

    private static int FindLoneSurrogate(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
