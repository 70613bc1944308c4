<#
.SYNOPSIS
    The README's demo: syncs a simulated Hostaway account into a temporary folder, changes the account, syncs
    again incrementally, and shows the sync log, some guests, a message search and a drift check. Run it through
    `build.ps1 -Task Demo`, which builds the module and the simulator first and runs this in a fresh pwsh.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $SimulatorPath
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $ModuleManifest

function Show([string] $Command, [object[]] $Property) {
    Write-Host ''
    Write-Host "PS> $Command"
    $output = Invoke-Expression $Command
    $table = if ($Property) { $output | Format-Table -Property $Property -AutoSize } else { $output | Format-Table -AutoSize }
    Write-Host (($table | Out-String -Width 140).Trim("`r", "`n"))
}

$folder = Join-Path ([IO.Path]::GetTempPath()) "hostawaysync-demo-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
$null = New-Item -ItemType Directory -Path $folder
$info = [Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($argument in $SimulatorPath, '--port', '0', '--seed', '2026', '--size', 'small', '--rate-limits', 'revised', '--latency-ms', '50') { $info.ArgumentList.Add($argument) }
$info.RedirectStandardOutput = $true
$info.UseShellExecute = $false
$simulator = [Diagnostics.Process]::Start($info)
try {
    $baseUrl = $simulator.StandardOutput.ReadLine()
    $control = $baseUrl -replace '/v1/$', '/_control/'
    Write-Host "HostawaySync demo: a simulated Hostaway account at $baseUrl (the simulator ships with the project;"
    Write-Host "nothing here talks to the real Hostaway). Data goes to $folder and is removed at the end."

    # The simulator enforces Hostaway's revised limits (200 per 10 s per account and per IP): the first run finds them.
    $env:HOSTAWAY_ACCOUNT_ID, $env:HOSTAWAY_API_KEY = '10450', 'simulator-secret'
    Set-HostawayConfiguration -SessionOnly -BaseUrl $baseUrl `
        -DatabasePath (Join-Path $folder 'hostaway.db') -ConversationsPath (Join-Path $folder 'conversations')

    Show 'Invoke-HostawaySync'
    Show 'Get-HostawayConfiguration RateLimit' -Property Name, Value, Source
    Write-Host ''
    Write-Host 'Changing the simulated account: 5 new reservations, 10 changed, 2 cancelled, 25 new messages.'
    $null = Invoke-RestMethod -Method Post "${control}mutate" -ContentType 'application/json' `
        -Body '{ "newReservations": 5, "updatedReservations": 10, "cancelledReservations": 2, "newMessages": 25 }'
    Show 'Invoke-HostawaySync'
    Show 'Get-HostawaySyncLog -Resource Run' -Property StartedAt, Mode, Status, Requests, RateLimited, RequestsPerSecond, RequestsPer10Seconds, RateLimitSource
    Show 'Get-HostawayGuest | Sort-Object ReservationCount -Descending | Select-Object -First 5' -Property FullName, Email, ReservationCount,
        @{ Name = 'FirstArrival'; Expression = { $_.FirstArrivalDate.ToString('yyyy-MM-dd') } }, @{ Name = 'LastArrival'; Expression = { $_.LastArrivalDate.ToString('yyyy-MM-dd') } }
    Show "Search-HostawayMessage 'early check-in' -First 5"
    Show 'Get-HostawayListing | Where-Object ReviewCount | Sort-Object AverageRating | Select-Object -First 3' -Property ListingId, Name, ReviewCount, AverageRating
    Show "Search-HostawayReview noisy -Type GuestToHost -First 3"
    Show 'Test-HostawaySync'
    Write-Host ''
    Write-Host ("{0} conversation files under {1}." -f (Get-ChildItem (Join-Path $folder 'conversations') -Recurse -File).Count, (Join-Path $folder 'conversations'))
}
finally {
    if (-not $simulator.HasExited) { $simulator.Kill($true); $simulator.WaitForExit() }
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    Write-Host 'Cleaned up: simulator stopped, temporary folder removed.'
}
