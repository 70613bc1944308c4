using System.Management.Automation;
using HostawaySync.Engine.Queries;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Gets reservations from the local database.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "HostawayReservation")]
[OutputType(typeof(HostawayReservation))]
public sealed class GetHostawayReservationCommand : StoreQueryCmdlet
{
    /// <summary>Reservation ids.</summary>
    [Parameter(Position = 0)]
    [Alias("Id")]
    public long[]? ReservationId { get; set; }

    /// <summary>Only these listings (binds from Get-HostawayListing output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListingCompleter))]
    public long[]? ListingId { get; set; }

    /// <summary>Only these guests (binds from Get-HostawayGuest output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? GuestId { get; set; }

    /// <summary>Only these statuses (new, modified, cancelled, inquiry, ...).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Status { get; set; }

    /// <summary>Arrival on or after this date.</summary>
    [Parameter]
    public DateTime? ArrivalFrom { get; set; }

    /// <summary>Arrival on or before this date.</summary>
    [Parameter]
    public DateTime? ArrivalTo { get; set; }

    /// <summary>Also reservations the API no longer has.</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>The SQLite database. Default: the store the settings choose (see Get-HostawayConfiguration); binds from the output of the Get-Hostaway cmdlets.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL database instead: postgresql://user@host:port/database?schema=name or Host=...;Database=... (binds from the output of the Get-Hostaway cmdlets).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabaseUrl { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var filter = new ReservationFilter(
            ReservationId, ListingId, GuestId, Status,
            ArrivalFrom is { } from ? DateOnly.FromDateTime(from) : null, ArrivalTo is { } to ? DateOnly.FromDateTime(to) : null, IncludeDeleted);
        var store = ResolveStore(DatabasePath, DatabaseUrl);
        WriteRecords(store, StoreReader.Reservations(store, filter), r => r.ReservationId, HostawayReservation.From);
    }
}
