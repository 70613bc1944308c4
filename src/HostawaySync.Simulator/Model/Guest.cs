namespace HostawaySync.Simulator.Model;

/// <summary>
/// A person who books. The public API has no guest object: a guest only shows through the guest fields of their
/// reservations, and each channel shows a different subset (Airbnb hides the e-mail, iCal feeds show nothing).
/// </summary>
/// <param name="Id">Index in the guest pool (never served).</param>
/// <param name="FirstName">First name, or null when the channel never gave one.</param>
/// <param name="LastName">Last name, or null.</param>
/// <param name="Email">The guest's canonical e-mail, or null when they have none.</param>
/// <param name="ExternalAccountId">The channel account id (Airbnb style), or null.</param>
internal sealed record Guest(int Id, string? FirstName, string? LastName, string? Email, string? ExternalAccountId)
{
    /// <summary>The full name as channels send it.</summary>
    public string? FullName { get; } = (FirstName, LastName) switch
    {
        (null, null) => null,
        (null, _) => LastName,
        (_, null) => FirstName,
        _ => FirstName + " " + LastName,
    };
}
