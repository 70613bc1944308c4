using HostawaySync.Engine.Export;

namespace HostawaySync.Engine.Tests.Export;

public sealed class TextRedactorTests
{
    private static string Redact(string text, TrainingDataRedaction kinds = TrainingDataRedaction.All, params string?[] names) =>
        new TextRedactor(kinds).Redact(text, NamePattern.Create(names));

    [Theory]
    [InlineData("Mail me at john.smith@example.com please", "Mail me at [EMAIL] please")]
    [InlineData("JOHN.DOE@GMAIL.COM.", "[EMAIL].")]
    [InlineData("<o'brien+hostaway@example.com>", "<[EMAIL]>")]
    [InlineData("\"john..doe\"@example.org", "[EMAIL]")]
    [InlineData("Ünïcödé.Guest@exämple.de", "[EMAIL]")]
    [InlineData(@"user/with\slashes@example.com", "[EMAIL]")]
    [InlineData("mailto:anna@mail.co.uk,thanks", "mailto:[EMAIL],thanks")]
    [InlineData("a@b.com and c@d.org", "[EMAIL] and [EMAIL]")]
    public void Replaces_email_addresses(string text, string expected) => Assert.Equal(expected, Redact(text, TrainingDataRedaction.Email));

    [Theory]
    [InlineData("meet @ 5pm")]
    [InlineData("@john see you")]
    [InlineData("price is 5@night")]
    [InlineData("user@localhost")]
    public void Leaves_text_that_is_not_an_email_address(string text) => Assert.Equal(text, Redact(text, TrainingDataRedaction.Email));

    [Theory]
    [InlineData("Call +1 (555) 123-4567 anytime", "Call [PHONE] anytime")]
    [InlineData("UK: 0044 20 7946 0958.", "UK: [PHONE].")]
    [InlineData("my cell is 555-123-4567", "my cell is [PHONE]")]
    [InlineData("portable 06 12 34 56 78", "portable [PHONE]")]
    [InlineData("+44 (0)20 7946 0958", "[PHONE]")]
    [InlineData("(555) 123-4567", "[PHONE]")]
    [InlineData("555.123.4567", "[PHONE]")]
    [InlineData("555.1234 or 06.12.34.56.78", "[PHONE] or [PHONE]")]
    [InlineData("tel.: 06-12-34-56-78", "tel.: [PHONE]")]
    [InlineData("+33 (0)6 12 34 56 78", "[PHONE]")]
    [InlineData("call 555-123-4567, 2 adults", "call [PHONE], 2 adults")]
    [InlineData("+15551234567", "[PHONE]")]
    [InlineData("Phone:+49 30 1234567", "Phone:[PHONE]")]
    [InlineData("Tel: 0612345678", "Tel: [PHONE]")]
    [InlineData("WhatsApp +33 6 12 34 56 78, thanks", "WhatsApp [PHONE], thanks")]
    [InlineData("555 1234\n+1 555 987 6543", "[PHONE]\n[PHONE]")]
    public void Replaces_phone_numbers(string text, string expected) => Assert.Equal(expected, Redact(text, TrainingDataRedaction.Phone));

    [Theory]
    [InlineData("We arrive on 2026-11-28 at 14:30.")]
    [InlineData("Dates: 2026-11-28 14:30 to 2026-12-02 11:00")]
    [InlineData("from 28.11.2026 to 02.12.2026")]
    [InlineData("11/28/2026 or 2026/11/28")]
    [InlineData("Total 1,250.00 EUR, deposit 12.500.000 or 1234567.89")]
    [InlineData("In 2025 2026 and 2025-2026 we came")]
    [InlineData("Check-in 14.30-16.30")]
    [InlineData("Door code 1234, then 4821#")]
    [InlineData("Code 123456")]
    [InlineData("Confirmation HMABCD1234 / HA-5JH8K2 / 4012345678")]
    [InlineData("Reservation 10450-40160-thread123456789-1234567890")]
    [InlineData("Booking 10450-40160-2005-1234567890")]
    [InlineData("Wifi Guest-4821 password 9f3a2b7c1d")]
    [InlineData("2 adults, 1 child, 3 nights")]
    [InlineData("call 555 123")]
    [InlineData("booking number 1234.567.890 or 12345.678")]
    [InlineData("Check-in 15:00-20:00, check-out 10.00-11.00")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111")]
    [InlineData("Calle Mayor 12, 28013 Madrid")]
    public void Leaves_dates_times_prices_years_and_codes_alone(string text) => Assert.Equal(text, Redact(text, TrainingDataRedaction.Phone));

    [Fact]
    public void Replaces_known_names_as_whole_words_ignoring_case_full_names_first()
    {
        var text = "Hi maria, this is MARIA GARCÍA. Mariachi band tonight! Best, Søren Manager";

        var redacted = Redact(text, TrainingDataRedaction.Name, "Maria García", null, "Søren", "Manager");

        Assert.Equal("Hi [NAME], this is [NAME]. Mariachi band tonight! Best, [NAME] Manager", redacted);
    }

    [Fact]
    public void Name_particles_role_words_and_single_letters_are_not_names_on_their_own()
    {
        var text = "De la playa, van der host: J. says hi to the guest. Berg and van der Berg";

        var redacted = Redact(text, TrainingDataRedaction.Name, "van der Berg", "De la Cruz", "J", "Reserved", "Guest");

        Assert.Equal("De la playa, van der host: J. says hi to the guest. [NAME] and [NAME]", redacted);
    }

    [Fact]
    public void Apostrophes_in_names_match_typographic_ones_and_possessives_keep_their_s()
    {
        Assert.Equal("[NAME] and [NAME]'s car", Redact("O’Connor and O'Connor's car", TrainingDataRedaction.Name, "O'Connor"));
    }

    [Fact]
    public void Counts_each_kind_and_redacts_only_what_was_asked()
    {
        var redactor = new TextRedactor(TrainingDataRedaction.Email | TrainingDataRedaction.Name);
        var names = NamePattern.Create(["Anna Kowalski"]);

        var text = redactor.Redact("Anna here: anna.kowalski@mail.com, +48 601 234 567. Kowalski family.", names);

        Assert.Equal("[NAME] here: [EMAIL], +48 601 234 567. [NAME] family.", text);
        Assert.Equal((1, 0, 2), (redactor.Emails, redactor.Phones, redactor.Names));
    }

    [Fact]
    public void Hostile_names_are_matched_literally()
    {
        var text = "Hi Robert'); DROP TABLE x;-- and ../../etc/passwd, a.b";

        var redacted = Redact(text, TrainingDataRedaction.Name, "Robert'); DROP TABLE x;--", "../../etc/passwd", "a.b*", "...");

        Assert.DoesNotContain("Robert", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("etc/passwd", redacted, StringComparison.Ordinal);
        Assert.Null(NamePattern.Create(["...", "", null, "-"]));
    }
}
