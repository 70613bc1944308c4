using System.Text.RegularExpressions;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Replaces e-mail addresses, access codes, phone numbers and names in message text and counts what it replaced.
/// Addresses go first, so a name inside an address is counted once, as an address; then access codes (labelled ones,
/// then the reservation's own door code), so a long code is not taken for a phone number; then phone numbers; then names.
/// One instance per export (it keeps the counts); not thread-safe.
/// </summary>
internal sealed class TextRedactor
{
    public const string EmailToken = "[EMAIL]";
    public const string PhoneToken = "[PHONE]";
    public const string NameToken = "[NAME]";
    public const string AccessCodeToken = "[ACCESS_CODE]";

    private readonly TrainingDataRedaction _kinds;

    public TextRedactor(TrainingDataRedaction kinds) => _kinds = kinds;

    public int Emails { get; private set; }

    public int Phones { get; private set; }

    public int Names { get; private set; }

    public int AccessCodes { get; private set; }

    /// <summary>Whether names are redacted (callers skip gathering names otherwise).</summary>
    public bool RedactsNames => _kinds.HasFlag(TrainingDataRedaction.Name);

    /// <summary>Whether access codes are redacted (callers skip reading the reservation's door code otherwise).</summary>
    public bool RedactsAccessCodes => _kinds.HasFlag(TrainingDataRedaction.AccessCode);

    /// <summary>
    /// The text with what was asked for replaced. <paramref name="names"/>: the conversation's names (<see cref="NamePattern.Create"/>);
    /// <paramref name="ownCodes"/>: its reservation's door code (<see cref="Export.AccessCodes.OwnCode"/>).
    /// </summary>
    public string Redact(string text, Regex? names = null, Regex? ownCodes = null)
    {
        if (_kinds.HasFlag(TrainingDataRedaction.Email) && text.Contains('@', StringComparison.Ordinal))
        {
            text = EmailAddresses.Pattern.Replace(text, _ =>
            {
                Emails++;
                return EmailToken;
            });
        }

        if (RedactsAccessCodes)
        {
            if (Export.AccessCodes.MayHaveLabel(text))
            {
                text = Export.AccessCodes.Pattern.Replace(text, match =>
                {
                    AccessCodes++;
                    var code = match.Groups["code"];
                    return string.Concat(match.ValueSpan[..(code.Index - match.Index)], AccessCodeToken, match.ValueSpan[(code.Index + code.Length - match.Index)..]);
                });
            }

            if (ownCodes is not null)
            {
                text = ownCodes.Replace(text, _ =>
                {
                    AccessCodes++;
                    return AccessCodeToken;
                });
            }
        }

        if (_kinds.HasFlag(TrainingDataRedaction.Phone) && text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            text = PhoneNumbers.Candidates.Replace(text, match =>
            {
                if (!PhoneNumbers.IsPhoneNumber(match.Value))
                {
                    return match.Value;
                }

                Phones++;
                return PhoneToken;
            });
        }

        if (RedactsNames && names is not null)
        {
            text = names.Replace(text, _ =>
            {
                Names++;
                return NameToken;
            });
        }

        return text;
    }
}
