using System.Collections.Immutable;

namespace HostawaySync.Simulator.Generation;

/// <summary>
/// Text that breaks naive clients: path traversal and separators, Windows reserved names, quotes and SQL,
/// emoji (including ZWJ sequences), right-to-left scripts, combining marks, control characters (never NUL),
/// trailing dots and spaces, and names longer than any file system allows. A client that turns names into file
/// names or SQL must survive all of them.
/// </summary>
internal static class HostileStrings
{
    /// <summary>A name of more than 300 characters, longer than a file name may be on any common file system.</summary>
    public static readonly string VeryLong = string.Concat(Enumerable.Repeat("Très-long nom/with\\every kind of part ", 9))
        + "and a trailing dot.";

    /// <summary>Short hostile texts usable as names, captions or message bodies.</summary>
    public static readonly ImmutableArray<string> Names = ImmutableArray.Create(
        "../../etc/passwd",
        "..\\..\\Windows\\System32\\config",
        "..",
        "a/b\\c:d*e?f\"g<h>i|j",
        "CON",
        "aux.txt",
        "NUL",
        "COM1",
        "LPT1.log",
        "Robert'); DROP TABLE reservations;--",
        "'; DROP TABLE reservations;--",
        "O'Brien \"The Quote\" `backtick`",
        "👨‍👩‍👧‍👦 Family Villa 🏖️",
        "🏳️‍🌈 Pride Loft 👩🏽‍💻",
        "شقة مريحة بالقرب من البحر",
        "דירה נעימה ליד הים",
        "Mixed עברית and English العربية",
        "A\u030Astro\u0308m Cafe\u0301 Z\u0338\u0321a\u0337l\u0336g\u0335o\u0334",
        "Tab\tseparated\tname",
        "Vertical\u000Btab and unit\u001Fseparator",
        "trailing dot.",
        "trailing spaces   ",
        "   leading spaces",
        "...",
        "name. . .",
        "%2e%2e%2f%00-looking but not NUL",
        "$(rm -rf /) & `whoami` ; echo pwned",
        "<script>alert('x')</script>",
        VeryLong);

    /// <summary>Hostile but syntactically plausible e-mail addresses.</summary>
    public static readonly ImmutableArray<string> Emails = ImmutableArray.Create(
        "o'brien+hostaway@example.com",
        "\"john..doe\"@example.org",
        "con@example.com",
        "Ünïcödé.Guest@exämple.de",
        "user/with\\slashes@example.com",
        "drop'table--@example.net");

    /// <summary>Picks a hostile name from a hash.</summary>
    public static string Pick(ulong hash) => Names[(int)(hash % (ulong)Names.Length)];

    /// <summary>Picks a hostile e-mail address from a hash.</summary>
    public static string PickEmail(ulong hash) => Emails[(int)(hash % (ulong)Emails.Length)];
}
