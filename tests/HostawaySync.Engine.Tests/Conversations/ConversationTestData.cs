using System.Text;
using HostawaySync.Engine.Conversations;

namespace HostawaySync.Engine.Tests.Conversations;

/// <summary>Seeded random conversations with hostile text, for property and fuzz tests.</summary>
internal sealed class ConversationTestData(int seed)
{
    public static readonly string[] HostileFragments =
    [
        "===", "=== 2026-01-01 00:00:00 UTC | host | message 1 | email | sent", "==== not a separator", "=== ", "#", "# Conversation: 99",
        "\\", "\\\\", "\\=== escaped", "\\n", "", " ", "   ", "\t", "\u00A0", "👨‍👩‍👧‍👦", "🏖️🌊", "مرحبا بكم في البيت", "שלום",
        "\u202Eevil\u202C", "\u2066isolated\u2069", "\u0001\u0002\u0007\u001B[31m", "\u007F", "\u0085", "\u2028", "\u2029", "\uFEFF",
        "e\u0301", "---", "From: Host", "Date: 2026-01-01 10:00:00", "[2026-01-01 10:00] Guest: hi", "2026-01-01 10:00 - Host: hi",
        "| pipes | everywhere |", "-", "message 5", "lone \uD800 high", "\uDC00 lone low", "Hello, can we check in early?", "Ünïcödé ñ 中文 日本語 한국어",
    ];

    private static readonly string[] Types = ["email", "channel", "sms", "whatsapp"];
    private static readonly string[] Statuses = ["sent", "awaiting", "failed", "cancelled_by_user", "cancelled_by_system", "paused"];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public string Body()
    {
        var lines = _random.Next(0, 6);
        var builder = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            if (i > 0)
            {
                builder.Append(_random.Next(10) switch { 0 => "\r\n", 1 => "\r", _ => "\n" });
            }

            builder.Append(_random.Next(12) switch
            {
                0 => new string((char)('a' + _random.Next(26)), 10_000),
                1 => RandomChars(_random.Next(1, 40)),
                _ => HostileFragments[_random.Next(HostileFragments.Length)] + (_random.Next(3) == 0 ? " tail" : string.Empty),
            });
        }

        if (_random.Next(5) == 0)
        {
            builder.Append(_random.Next(2) == 0 ? "\n" : "\n\n\n");
        }

        return builder.ToString();
    }

    public ConversationFileMessage Message()
    {
        DateTime? sentAt = _random.Next(8) == 0
            ? null
            : new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(_random.Next(0, 200_000_000)).AddTicks(_random.Next(4) == 0 ? _random.Next(1, 10_000_000) : 0);
        long? id = _random.Next(8) == 0 ? null : _random.Next(1, 50);
        return new ConversationFileMessage(
            id,
            sentAt,
            _random.Next(2) == 0 ? MessageDirection.Guest : MessageDirection.Host,
            _random.Next(6) == 0 ? null : Types[_random.Next(Types.Length)],
            _random.Next(6) == 0 ? null : Statuses[_random.Next(Statuses.Length)],
            Body());
    }

    public ConversationFileHeader Header() => new(
        Maybe(() => (long)_random.Next(1, int.MaxValue)),
        Maybe(() => (long)_random.Next(1, int.MaxValue)),
        Maybe(() => (long)_random.Next(1, int.MaxValue)),
        MaybeText(),
        MaybeText(),
        _random.Next(3) == 0 ? null : "guest" + _random.Next(1000) + "@guest.airbnb.com",
        _random.Next(3) == 0 ? null : "airbnbOfficial",
        MaybeDate(),
        MaybeDate());

    /// <summary>Text from the hostile fragments and random characters, control characters included.</summary>
    public string RandomChars(int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            var pick = _random.Next(10);
            builder.Append(pick switch
            {
                0 => (char)_random.Next(1, 32),
                1 => char.ConvertFromUtf32(_random.Next(0x1F300, 0x1FAFF)),
                2 => (char)_random.Next(0x0590, 0x06FF),
                3 => "/\\:*?\"<>|."[_random.Next(10)],
                4 => (char)_random.Next(0x2000, 0x2070),
                5 => ' ',
                _ => (char)_random.Next(0x20, 0x7F),
            });
        }

        return builder.ToString();
    }

    private T? Maybe<T>(Func<T> make)
        where T : struct => _random.Next(4) == 0 ? null : make();

    private string? MaybeText() => _random.Next(5) switch
    {
        0 => null,
        1 => RandomChars(_random.Next(1, 30)),
        2 => HostileFragments[_random.Next(HostileFragments.Length)],
        _ => "Beach House " + _random.Next(100),
    };

    private DateOnly? MaybeDate() => _random.Next(4) == 0 ? null : new DateOnly(2024, 1, 1).AddDays(_random.Next(0, 1500));
}
