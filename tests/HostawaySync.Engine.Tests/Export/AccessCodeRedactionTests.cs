using HostawaySync.Engine.Export;

namespace HostawaySync.Engine.Tests.Export;

public sealed class AccessCodeRedactionTests
{
    private static string Redact(string text, TrainingDataRedaction kinds = TrainingDataRedaction.AccessCode, params string?[] doorCodes) =>
        new TextRedactor(kinds).Redact(text, null, AccessCodes.OwnCode(doorCodes));

    [Theory]
    [InlineData("The door code is 2236.", "The door code is [ACCESS_CODE].")]
    [InlineData("Lockbox: 4821#", "Lockbox: [ACCESS_CODE]#")]
    [InlineData("lock box - 4821", "lock box - [ACCESS_CODE]")]
    [InlineData("gate code 1234*", "gate code [ACCESS_CODE]*")]
    [InlineData("Wifi password: Sunny$Beach22", "Wifi password: [ACCESS_CODE]")]
    [InlineData("Wi-Fi password is Sunny$Beach22.", "Wi-Fi password is [ACCESS_CODE].")]
    [InlineData("WiFi: MyNet / pw: abc12345", "WiFi: MyNet / pw: [ACCESS_CODE]")]
    [InlineData("The wifi password is \"sunshine\".", "The wifi password is \"[ACCESS_CODE]\".")]
    [InlineData("Network key: 9f3a2b7c1d", "Network key: [ACCESS_CODE]")]
    [InlineData("code for the key safe is 0815", "code for the key safe is [ACCESS_CODE]")]
    [InlineData("Key safe: 0815", "Key safe: [ACCESS_CODE]")]
    [InlineData("the keysafe code is 0815", "the keysafe code is [ACCESS_CODE]")]
    [InlineData("Keybox: 112233", "Keybox: [ACCESS_CODE]")]
    [InlineData("entry code 9876", "entry code [ACCESS_CODE]")]
    [InlineData("PIN 4455", "PIN [ACCESS_CODE]")]
    [InlineData("your pin code is #4455", "your pin code is #[ACCESS_CODE]")]
    [InlineData("the code to the front door will be 7788", "the code to the front door will be [ACCESS_CODE]")]
    [InlineData("Door code:\n 1234", "Door code:\n [ACCESS_CODE]")]
    [InlineData("Door code:\r\n1234\r\nWifi: on the fridge", "Door code:\r\n[ACCESS_CODE]\r\nWifi: on the fridge")]
    [InlineData("Garage code = 5566, alarm: 9090 and the padlock combination is 321", "Garage code = [ACCESS_CODE], alarm: [ACCESS_CODE] and the padlock combination is [ACCESS_CODE]")]
    [InlineData("Gate access code: 246810", "Gate access code: [ACCESS_CODE]")]
    [InlineData("The passcode for the building is 5050.", "The passcode for the building is [ACCESS_CODE].")]
    [InlineData("DOOR CODE IS 2236", "DOOR CODE IS [ACCESS_CODE]")]
    [InlineData("Your reservation code is 4711 and the door code is 2236.", "Your reservation code is 4711 and the door code is [ACCESS_CODE].")]
    [InlineData("Confirmation code HMABC123. Door code: 2236, Calle Mayor 12, 28013 Madrid, $120/night", "Confirmation code HMABC123. Door code: [ACCESS_CODE], Calle Mayor 12, 28013 Madrid, $120/night")]
    public void Replaces_the_code_and_keeps_the_words_around_it(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("The total is $1234 for 3 nights, paid 1234 USD")]
    [InlineData("We arrive on 2026-11-28 at 14:30.")]
    [InlineData("Check-in code valid from 2026-11-28")]
    [InlineData("The code is valid 14:30-16:30")]
    [InlineData("Your confirmation code HMABC123 and booking code 4711")]
    [InlineData("Confirmation code: 12345678")]
    [InlineData("Reservation code 8899, promo code 2025, discount code 5050")]
    [InlineData("Calle Mayor 12, 28013 Madrid; zip code 28013, postal code 10115")]
    [InlineData("area code 555, country code 0049")]
    [InlineData("Wifi: network \"Guest-4821\", password on the fridge.")]
    [InlineData("The wifi password is written on the router.")]
    [InlineData("I'll pass 5pm by the door")]
    [InlineData("Call +1 (555) 123-4567 for the code")]
    [InlineData("The code costs €1234 or 1234€")]
    [InlineData("alarm: 07:30, pin 12")]
    [InlineData("Error code 404")]
    [InlineData("Do you have a door code? The code will be sent the day before.")]
    public void Leaves_prices_dates_times_phone_numbers_and_labelled_booking_codes_alone(string text) => Assert.Equal(text, Redact(text));

    [Fact]
    public void The_reservations_own_door_code_is_replaced_wherever_it_stands_as_a_word()
    {
        var text = "Use 482913 at the entrance. 4829130 and A482913 are other things; (482913)";

        Assert.Equal("Use [ACCESS_CODE] at the entrance. 4829130 and A482913 are other things; ([ACCESS_CODE])", Redact(text, doorCodes: " 482913 "));
    }

    [Fact]
    public void A_short_door_code_is_only_replaced_as_a_whole_word()
    {
        Assert.Equal("Room 1234, flat A12, code [ACCESS_CODE]; 120 m", Redact("Room 1234, flat A12, code 12; 120 m", doorCodes: "12"));
    }

    [Fact]
    public void No_door_code_means_no_pattern_and_a_code_is_counted_once()
    {
        Assert.Null(AccessCodes.OwnCode([null, "", "  "]));
        var redactor = new TextRedactor(TrainingDataRedaction.AccessCode);

        var text = redactor.Redact("The door code is 2236. Again: 2236. Lockbox: 4821#", null, AccessCodes.OwnCode(["2236"]));

        Assert.Equal("The door code is [ACCESS_CODE]. Again: [ACCESS_CODE]. Lockbox: [ACCESS_CODE]#", text);
        Assert.Equal(3, redactor.AccessCodes);
    }

    [Fact]
    public void Only_when_asked_for_and_with_the_other_kinds_counted_apart()
    {
        const string Text = "Door code 2236, call 555-123-4567 or mail ana@example.com";
        Assert.Equal("Door code 2236, call [PHONE] or mail [EMAIL]", Redact(Text, TrainingDataRedaction.Email | TrainingDataRedaction.Phone | TrainingDataRedaction.Name, "2236"));
        var redactor = new TextRedactor(TrainingDataRedaction.All);

        var text = redactor.Redact(Text, null, AccessCodes.OwnCode(["2236"]));

        Assert.Equal("Door code [ACCESS_CODE], call [PHONE] or mail [EMAIL]", text);
        Assert.Equal((1, 1, 0, 1), (redactor.Emails, redactor.Phones, redactor.Names, redactor.AccessCodes));
        Assert.True(TrainingDataRedaction.All.HasFlag(TrainingDataRedaction.AccessCode));
    }
}
