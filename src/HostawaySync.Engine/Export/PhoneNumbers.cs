using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Finds phone numbers in text. A candidate is a run of digit groups joined by single spaces, hyphens, dots or
/// slashes, maybe with a leading <c>+</c> and an area code in parentheses, that is not glued to a word, a code
/// (<c>HA-123</c>) or another number (<c>1,250</c>, <c>14:30</c>). It is a phone number when it has 7 to 15 digits
/// (E.164 allows 15) and either starts with <c>+</c>, or is written in groups and is not a date, a year or year range,
/// a time range, or a number with thousands dots or decimals, or is one unbroken run starting with 0 (a national or
/// 00 prefix).
/// Unbroken runs without a 0 or + in front are left alone: they cannot be told from booking numbers.
/// </summary>
internal static partial class PhoneNumbers
{
    public const int MinDigits = 7;
    public const int MaxDigits = 15;

    public static Regex Candidates { get; } = CandidatePattern();

    /// <summary>Whether a candidate found by <see cref="Candidates"/> is a phone number.</summary>
    public static bool IsPhoneNumber(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        if (digits is < MinDigits or > MaxDigits)
        {
            return false;
        }

        if (candidate[0] == '+')
        {
            return true;
        }

        var groups = candidate.Split(NonDigits, StringSplitOptions.RemoveEmptyEntries);
        if (groups.Length == 1)
        {
            return candidate[0] == '0' && digits >= 9;
        }

        if (NotAPhoneShape().IsMatch(candidate) || groups.All(IsYear))
        {
            return false;
        }

        // Dots only: 1234567.50 and 1.250.000 (or a booking number written 1234.567.890) are numbers; 555.1234 and 06.12.34.56.78 are phones.
        var separators = candidate.Count(c => !char.IsAsciiDigit(c));
        var dotsOnly = candidate.All(c => c == '.' || char.IsAsciiDigit(c));
        return !dotsOnly || !(separators == 1 ? groups[1].Length <= 3 : groups.Skip(1).All(g => g.Length == 3));
    }

    private static readonly char[] NonDigits = [' ', '-', '.', '/', '(', ')', '+'];

    private static bool IsYear(string group) => group.Length == 4 && (group.StartsWith("19", StringComparison.Ordinal) || group.StartsWith("20", StringComparison.Ordinal));

    // Not glued to a word, a number or a code before; then +, (area), digit groups; not glued to a word, a number or a code after.
    [GeneratedRegex(
        @"(?<![\p{L}\p{M}\p{N}_+])(?<![\p{L}\p{N}_][.,/\-])(?<![0-9]:)(?:\+ ?)?(?:\([0-9]{1,5}\)[ .\-]?)?[0-9]+(?:(?:[ .\-/]|[ .\-]?\([0-9]{1,5}\)[ .\-]?)[0-9]+)*(?![\p{L}\p{M}\p{N}_])(?![.,:/\-][\p{L}\p{N}])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 10_000)]
    private static partial Regex CandidatePattern();

    // Dates (2026-11-28, 2026/11/28, 28.11.2026, 11/28/26) and time ranges (14.30-16.30).
    [GeneratedRegex(
        @"^(?:[0-9]{4}[\-./][0-9]{1,2}[\-./][0-9]{1,2}|[0-9]{1,2}[\-./][0-9]{1,2}[\-./][0-9]{2,4}|[0-9]{1,2}[.:][0-9]{2} ?- ?[0-9]{1,2}[.:][0-9]{2})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotAPhoneShape();
}
