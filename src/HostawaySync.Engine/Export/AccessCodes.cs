using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Finds the codes that open a property: door, entry, gate, garage, alarm, padlock, lockbox and key-safe codes, PINs,
/// and Wi-Fi passwords and network keys, written the usual ways ("The door code is 2236.", "Lockbox: 4821#",
/// "code for the key safe is 0815", "Wifi password: Sunny$Beach22", "Door code:" with the code on the next line).
/// Only the code is matched (group <c>code</c>); the words around it stay. A code after a label is 3 to 10 digits
/// (a <c>#</c> or <c>*</c> after it stays); a password is a quoted string, or a word with a digit or a symbol in it,
/// so "password on the fridge" is left as it is. Codes that are not keys are left alone: confirmation, booking,
/// reservation, zip, postal, area, country, promo, discount and voucher codes, and numbers glued to a price, a date or
/// a time. Also the reservation's own door code (<see cref="OwnCode"/>) wherever it stands as a word of its own.
/// </summary>
internal static partial class AccessCodes
{
    public static Regex Pattern { get; } = LabelledCode();

    /// <summary>
    /// Whether <paramref name="text"/> holds a word every label of <see cref="Pattern"/> contains (code, pin, pass, pw, lock,
    /// key, alarm, comb...). A cheap test first: most messages have none, and <see cref="Pattern"/> costs far more per character.
    /// </summary>
    public static bool MayHaveLabel(string text) => LabelStem().IsMatch(text);

    /// <summary>
    /// A pattern for a reservation's own door codes (as stored, trimmed) as whole words: not part of a longer word or
    /// number, so a code "12" is not found in "1234" or "A12"; null when there is none.
    /// </summary>
    public static Regex? OwnCode(IEnumerable<string?> codes)
    {
        var words = codes.Select(c => c?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(c => c!.Length).ThenBy(c => c, StringComparer.Ordinal).Select(c => Regex.Escape(c!)).ToList();
        return words.Count == 0 ? null : new Regex(
            $@"(?<![\p{{L}}\p{{M}}\p{{N}}_])(?:{string.Join('|', words)})(?![\p{{L}}\p{{M}}\p{{N}}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
    }

    // A label, then maybe what it opens ("code for the key safe", "code to the front door"), then maybe "is", "will be",
    // ":", "=", "-" (a line break may follow), then the code.
    //   Number labels: [door|gate|...] code|pin|passcode|combination, not after confirmation, booking, zip ...; or
    //                  lockbox, key safe, padlock, alarm, keypad with a ":" or "-" after them.
    //   Password labels: [wifi|wi-fi|wlan|network] password|pw|pwd; wifi/network key or pass (a bare "pass" is a verb).
    private const string NumberLabel = """
        (?<!(?:confirmation|booking|reservation|zip|postal|post|area|country|promo|promotional|discount|voucher|coupon|
               tracking|verification|referral|reference|dress|error|tax|qr|bar|source|activation)[\s-]*)
        (?:pin|pin[\s-]*code|pass[\s-]*code|code|combination|combo)
        | (?:lock[\s-]*box|key[\s-]*safe|key[\s-]*box|key[\s-]*lock|padlock|alarm|keypad|smart[\s-]*lock)(?=\s*[:\-=])
        """;

    private const string PasswordLabel = """
        (?:(?:wi[\s-]*fi|wlan|wireless|internet|network|router)[\s-]*)?(?:password|passwort|passwd|pwd|pw)
        | (?:wi[\s-]*fi|wlan|wireless|network)[\s-]*(?:key|pass)
        """;

    private const string Connector = """
        (?![\p{L}\p{N}_])
        (?:\s+(?:for|to|of|on|at)\s+(?:the\s+|your\s+|our\s+)?(?:(?:front|back|main|side|garden|building|apartment|flat|house|entrance|garage|storage)\s+)?
           (?:door|gate|garage|entrance|entry|building|apartment|flat|house|lock[\s-]*box|key[\s-]*safe|key[\s-]*box|padlock|alarm|keypad|wi[\s-]*fi|wlan|network|internet|router))?
        (?:[ \t]*(?:is|will[ \t]+be|remains|stays)(?![\p{L}\p{N}_]))?
        [ \t]*[:=\-–]?[ \t]*(?:\r?\n[ \t]*)?
        """;

    private const string NumberValue = """
        [#*]?(?<code>[0-9]{3,10})(?![\p{L}\p{M}\p{N}_$€£%])(?![.,:/\-][0-9])
        """;

    // Quoted, or a word with a digit or symbol in it; sentence punctuation after it is not part of it.
    private const string PasswordValue = """
        (?:"(?<code>[^"\r\n]{1,64})"|'(?<code>[^'\r\n]{1,64})'|“(?<code>[^”\r\n]{1,64})”
          |(?!\[ACCESS_CODE\])(?<code>(?=[^\s"“”']*[0-9$@%&*#_+=~^/\\|-])[^\s"“”']{3,64}?)(?=[.,;:!?)\]]*(?:\s|$)))
        """;

    [GeneratedRegex(
        "(?<![\\p{L}\\p{N}_])(?:(?:" + NumberLabel + ")" + Connector + NumberValue + "|(?:" + PasswordLabel + ")" + Connector + PasswordValue + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 10_000)]
    private static partial Regex LabelledCode();

    [GeneratedRegex("code|pin|pass|pw|lock|key|alarm|comb", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 10_000)]
    private static partial Regex LabelStem();
}
