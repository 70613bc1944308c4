using System.Management.Automation;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets guests from the local database: one entry per person across their reservations.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayGuest")]
[OutputType(typeof(HostawayGuest))]
public sealed class GetHostawayGuestCommand : StoreQueryCmdlet
{
    /// <summary>Guest ids (binds from Get-HostawayReservation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public long[]? GuestId { get; set; }

    /// <summary>Guest names; wildcards allowed.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Emails; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Email { get; set; }

    /// <summary>The database. Default: HOSTAWAY_DATABASE_PATH, else the per-user data folder.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? DatabasePath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var path = ResolveDatabasePath(DatabasePath);
        WriteRecords(path, StoreReader.Guests(path, new GuestFilter(GuestId, Name, Email)), g => g.GuestId, HostawayGuest.From);
    }
}
