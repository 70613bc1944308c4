using System.Management.Automation;
using HostawaySync.Engine.Configuration;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Export;
using HostawaySync.Infrastructure;
using HostawaySync.Output;

namespace HostawaySync.Commands;

/// <summary>
/// <para type="synopsis">Exports conversations as chat-format JSONL (guest = user, host = assistant) for AI training.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "HostawayTrainingData", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(HostawayTrainingDataExport))]
public sealed class ExportHostawayTrainingDataCommand : AsyncHostawayCmdlet
{
    private readonly List<long> _listingIds = [];
    private readonly List<long> _conversationIds = [];
    private readonly List<long> _reservationIds = [];
    private int _inputs;

    /// <summary>The JSONL file to write. Default: a new file in data/exports/training_data in the per-user data folder.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Only conversations about these listings (binds from Get-HostawayListing output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ListingCompleter))]
    public long[]? ListingId { get; set; }

    /// <summary>Only these conversations (binds from Get-HostawayConversation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? ConversationId { get; set; }

    /// <summary>Only conversations about these reservations (binds from Get-HostawayReservation output).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long[]? ReservationId { get; set; }

    /// <summary>Only messages sent at or after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only messages sent before this time.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>Only conversations whose stay got a guest review rated at least this (0 to 10).</summary>
    [Parameter]
    [ValidateRange(0.0, 10.0)]
    public decimal? MinRating { get; set; }

    /// <summary>Replace e-mail addresses, phone numbers, names and/or access codes (door codes, PINs, Wi-Fi passwords) in the text.</summary>
    [Parameter]
    [ValidateSet("Email", "Phone", "Name", "AccessCode", "All", IgnoreCase = true)]
    public string[]? Redact { get; set; }

    /// <summary>A system message put first in every conversation.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SystemPrompt { get; set; }

    /// <summary>Add a metadata object (ids, listing, channel, stay, message times, the stay's guest review rating and category ratings) to every line.</summary>
    [Parameter]
    public SwitchParameter IncludeMetadata { get; set; }

    /// <summary>Also messages that never reached the guest (scheduled, paused, failed, cancelled).</summary>
    [Parameter]
    public SwitchParameter IncludeUnsent { get; set; }

    /// <summary>Also conversations the API no longer lists.</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>Replace the file if it exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The SQLite database. Default: the store the settings choose (see Get-HostawayConfiguration); binds from the output of the Get-Hostaway cmdlets.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabasePath { get; set; }

    /// <summary>A PostgreSQL database instead: postgresql://user@host:port/database?schema=name or Host=...;Database=... (binds from the output of the Get-Hostaway cmdlets).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateStoreArgument]
    public string? DatabaseUrl { get; set; }

    /// <summary>Root of the conversation files. Default: the ConversationsPath setting.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ConversationsPath { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        // Everything piped in goes into one file: collect here, export once in EndProcessing.
        _inputs++;
        _listingIds.AddRange(ListingId ?? []);
        _conversationIds.AddRange(ConversationId ?? []);
        _reservationIds.AddRange(ReservationId ?? []);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (_inputs == 0)
        {
            // Input was piped but nothing arrived (Get-HostawayListing -Name 'NoSuch*' | ...): export nothing rather than everything.
            WriteWarning("Nothing came down the pipeline, so nothing was exported.");
            return;
        }

        var options = Options();
        try
        {
            // Before -WhatIf, so that it says what would really happen.
            TrainingDataExporter.CheckOutput(options.OutputPath, Force);
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }

        if (!ShouldProcess(options.OutputPath, "Write conversations as chat-format JSONL training data"))
        {
            return;
        }

        var progress = new CmdletExportProgress(this);
        var log = new CmdletSyncLog(this, StreamWanted("Verbose", "VerbosePreference"), StreamWanted("Debug", "DebugPreference"));
        TrainingDataResult result;
        try
        {
            result = RunEngine(token => Task.FromResult(TrainingDataExporter.Export(options, log, progress.Report, token)));
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
            throw;
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            // Ctrl+C: the engine removed its temporary file; there is nothing to report.
            return;
        }
        finally
        {
            CompleteProgress(progress);
        }

        WriteObject(HostawayTrainingDataExport.From(result));
    }

    private TrainingDataOptions Options() => new()
    {
        DatabasePath = ResolveStore(DatabasePath, DatabaseUrl),
        ConversationsPath = ResolveConversationsPath(ConversationsPath),
        OutputPath = ResolveFileSystemPath(
            Path ?? System.IO.Path.Combine(DataPaths.DefaultTrainingDataPath, TrainingDataExporter.DefaultFileName(DateTime.UtcNow)), ErrorIds.ExportPathInvalid),
        Overwrite = Force,
        ListingIds = _listingIds.Count > 0 ? _listingIds.Distinct().ToList() : null,
        ConversationIds = _conversationIds.Count > 0 ? _conversationIds.Distinct().ToList() : null,
        ReservationIds = _reservationIds.Count > 0 ? _reservationIds.Distinct().ToList() : null,
        Since = ParameterTime.ToUtc(Since),
        Until = ParameterTime.ToUtc(Until),
        IncludeUnsent = IncludeUnsent,
        IncludeDeleted = IncludeDeleted,
        SystemPrompt = SystemPrompt,
        IncludeMetadata = IncludeMetadata,
        MinRating = MinRating,
        Redact = Redaction(),
    };

    private TrainingDataRedaction Redaction()
    {
        var kinds = TrainingDataRedaction.None;
        foreach (var kind in Redact ?? [])
        {
            kinds |= Enum.Parse<TrainingDataRedaction>(kind, ignoreCase: true);
        }

        return kinds;
    }

    private static void CompleteProgress(CmdletExportProgress progress)
    {
        try
        {
            progress.Complete();
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C: the host no longer shows progress.
        }
    }
}
