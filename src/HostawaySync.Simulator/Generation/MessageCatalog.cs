using System.Collections.Immutable;

namespace HostawaySync.Simulator.Generation;

/// <summary>
/// Message texts. Placeholders: {first} guest first name, {listing} the place, {code} door code, {hour} an hour.
/// Many are multi-line, with both \n and \r\n line ends, as messages copied from mail clients and apps are.
/// </summary>
internal static class MessageCatalog
{
    /// <summary>What guests write.</summary>
    public static readonly ImmutableArray<string> Guest = ImmutableArray.Create(
        "Hi! We are arriving around {hour}:00. Is early check-in possible?",
        "Hello,\nwhat's the wifi password?\nThanks, {first}",
        "Thank you for the lovely stay!",
        "Can we bring our dog? 🐶",
        "Hi,\r\nthe heater in the bedroom doesn't work.\r\nCould someone come by today?\r\n\r\nThanks",
        "Where can we park the car?",
        "Is there a hair dryer?",
        "We're running late, flight delayed ✈️ — arriving after midnight, sorry!",
        "Hola! ¿Hay toallas de playa en el apartamento?",
        "Bonjour, est-ce que le ménage est inclus ?",
        "ok",
        "Could you send the address again please?\nThe link in the confirmation doesn't open.",
        "Hi team,\n\nwe love {listing} and would like to extend our stay by two nights.\nIs that possible?\n\nBest,\n{first}",
        "👍",
        "Checked out, keys are on the kitchen table.");

    /// <summary>What hosts write.</summary>
    public static readonly ImmutableArray<string> Host = ImmutableArray.Create(
        "Hi {first}, thanks for booking {listing}! Check-in is from {hour}:00.",
        "The door code is {code}. Enjoy your stay!",
        "Dear {first},\n\nwe hope you enjoyed your stay.\nSafe travels!\n\nBest regards,\nThe team",
        "Hi {first},\r\nyes, early check-in is fine.\r\nSee you soon!",
        "Parking is in the garage, space 12.",
        "Sorry to hear that — our technician will come by at {hour}:00.",
        "Wifi: network \"Guest-{code}\", password on the fridge.",
        "Thanks for your message, we'll get back to you shortly.",
        "Hello {first}, just checking in: is everything OK with the apartment?");

    /// <summary>What scheduled automations send.</summary>
    public static readonly ImmutableArray<string> Automated = ImmutableArray.Create(
        "Reminder: your check-in at {listing} is tomorrow from {hour}:00.\nDoor code: {code}",
        "Hi {first}! Check-out is at 11:00 tomorrow. Please leave the keys inside.\r\nThank you!",
        "Dear {first},\n\nhere is everything you need for your arrival:\n- Door code: {code}\n- Wifi: on the fridge\n\nSee you soon!");

    /// <summary>A long paragraph that long bodies repeat (some guests write essays).</summary>
    public const string LongParagraph =
        "We have a few questions before we arrive. First, regarding the check-in process: will someone meet us, or "
        + "is there a lock box? Second, we are travelling with two small children and would need a crib and a high "
        + "chair if possible. Third, could you recommend a few restaurants nearby that are open late? ";
}
