using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Finds e-mail addresses: a local part (letters of any script, digits, the RFC 5322 specials, dots, and the
/// backslashes people type; or a quoted local part), <c>@</c>, and a domain of labels ending in a label of at
/// least two letters. The local part is bounded (64, as in the RFC) so text without addresses costs linear time.
/// </summary>
internal static partial class EmailAddresses
{
    public static Regex Pattern { get; } = AddressPattern();

    [GeneratedRegex(
        @"(?:""[^""\r\n]{1,64}""|[\p{L}\p{N}_+\-][\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~\\.\-]{0,63})@[\p{L}\p{M}\p{N}\-]+(?:\.[\p{L}\p{M}\p{N}\-]+)*\.\p{L}[\p{L}\p{M}]+",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 10_000)]
    private static partial Regex AddressPattern();
}
