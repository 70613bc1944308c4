# Shared helpers for the Pester suite. Everything here works in temporary folders; nothing touches the
# user's profile, module folders or PSResourceGet settings.
Set-StrictMode -Version Latest

function Get-HostawayModuleManifest {
    if ($env:HOSTAWAYSYNC_MODULE_PATH) { return $env:HOSTAWAYSYNC_MODULE_PATH }
    return (Resolve-Path (Join-Path $PSScriptRoot '../../out/HostawaySync/HostawaySync.psd1')).Path
}

function New-TestFolder {
    $path = Join-Path ([IO.Path]::GetTempPath()) "hostawaysync-pester-$([guid]::NewGuid().ToString('N'))"
    (New-Item -ItemType Directory -Path $path).FullName
}

function Remove-TestFolder([string] $Path) {
    if ($Path -and (Test-Path -LiteralPath $Path)) { Remove-Item -LiteralPath $Path -Recurse -Force -ErrorAction SilentlyContinue }
}

# Runs a script in a fresh pwsh (a binary module cannot be unloaded, so some tests need a clean process).
# -Environment sets variables for the child only; a $null value removes the variable.
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = ([IO.Path]::GetTempPath()),
        [int] $TimeoutSeconds = 120
    )
    $info = [Diagnostics.ProcessStartInfo]::new()
    $processPath = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
        # Started as `dotnet pwsh.dll`: start pwsh.dll the same way (no tool manifest lookup, HOME may differ).
        $info.FileName = $processPath
        $info.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    }
    else { $info.FileName = $processPath }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $Script) { $info.ArgumentList.Add($argument) }
    $info.WorkingDirectory = $WorkingDirectory
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $info.Environment['NO_COLOR'] = '1'
    foreach ($key in $Environment.Keys) {
        if ($null -eq $Environment[$key]) { [void]$info.Environment.Remove($key) } else { $info.Environment[$key] = [string]$Environment[$key] }
    }
    $process = [Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "Child pwsh did not finish within $TimeoutSeconds s. Output so far: $($stdout.Result)"
    }
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}

# Makes a folder unwritable even for root (chattr +i), or with chmod for ordinary users.
# Returns $false when neither is possible here, so the caller can skip visibly.
function Set-FolderReadOnly([string] $Path) {
    if ($IsWindows) {
        Set-ItemProperty -LiteralPath $Path -Name Attributes -Value ([IO.FileAttributes]::ReadOnly)
        return $false
    }
    $uid = (& id -u)
    if ($uid -eq '0') {
        & chattr +i $Path 2>$null
        return $LASTEXITCODE -eq 0
    }
    & chmod 555 $Path
    return $LASTEXITCODE -eq 0
}

function Clear-FolderReadOnly([string] $Path) {
    if ($IsWindows) { return }
    if ((& id -u) -eq '0') { & chattr -i $Path 2>$null } else { & chmod 755 $Path }
}

# A clean configuration for one test: the given environment variables removed, a configuration file of its own in
# -Folder (which need not exist) and no session values. Returns the configuration file's path.
function Reset-TestConfiguration([string[]] $Variables, [string] $Folder) {
    foreach ($name in $Variables) { [Environment]::SetEnvironmentVariable($name, $null) }
    $env:HOSTAWAY_CONFIG_PATH = Join-Path $Folder 'config/config.json'
    Set-HostawayConfiguration -Reset * -SessionOnly
    $env:HOSTAWAY_CONFIG_PATH
}

# Starts the Hostaway simulator (program mode, loopback only) and returns where it listens. Stop it with Stop-TestSimulator.
function Start-TestSimulator {
    param([int] $Seed = 42, [string] $Size = 'tiny', [string[]] $Arguments = @())
    $dll = if ($env:HOSTAWAYSYNC_SIMULATOR_PATH) { $env:HOSTAWAYSYNC_SIMULATOR_PATH } else { Join-Path $PSScriptRoot '../../src/HostawaySync.Simulator/bin/Release/net10.0/HostawaySync.Simulator.dll' }
    if (-not (Test-Path -LiteralPath $dll)) { throw "The simulator is not built: $dll" }
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--port', '0', '--seed', $Seed, '--size', $Size, '--account-rate', '0', '--ip-rate', '0') + $Arguments) { $info.ArgumentList.Add([string]$argument) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    $baseUrl = $process.StandardOutput.ReadLine()
    if (-not $baseUrl -or -not $baseUrl.StartsWith('http://127.0.0.1:')) {
        $process.Kill($true)
        throw "The simulator did not start: $baseUrl $($process.StandardError.ReadToEnd())"
    }
    $uri = [uri]$baseUrl
    [pscustomobject]@{
        BaseUrl    = $baseUrl
        ControlUrl = "http://127.0.0.1:$($uri.Port)/_control/"
        AccountId  = '10450'
        Secret     = 'simulator-secret'
        Process    = $process
    }
}

function Stop-TestSimulator($Simulator) {
    if ($Simulator -and -not $Simulator.Process.HasExited) {
        $Simulator.Process.Kill($true)
        $Simulator.Process.WaitForExit()
    }
}

function Get-TestSimulatorStats($Simulator) { Invoke-RestMethod -Uri "$($Simulator.ControlUrl)stats" }

# Changes the running simulator's settings (rate limits, faults, paging readings) through its control surface.
function Set-TestSimulatorSettings($Simulator, [hashtable] $Settings) {
    Invoke-RestMethod -Method Put -Uri "$($Simulator.ControlUrl)settings" -ContentType 'application/json' -Body ($Settings | ConvertTo-Json -Compress) | Out-Null
}

function New-TestCredential($Simulator, [string] $Secret = $Simulator.Secret) {
    [pscredential]::new($Simulator.AccountId, (ConvertTo-SecureString $Secret -AsPlainText -Force))
}

# A simulated account synced into a temporary database (a SQLite file, or a new PostgreSQL database with -Store
# PostgreSQL): what the query cmdlets' tests read. Store.Splat names the database for the cmdlets (-DatabasePath or -DatabaseUrl).
function New-SyncedTestAccount([int] $Seed = 11, [string] $Size = 'tiny', [ValidateSet('SQLite', 'PostgreSQL')] [string] $Store = 'SQLite') {
    $folder = New-TestFolder
    $testStore = $null
    $simulator = $null
    $saved = $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S
    try {
        $testStore = New-TestStore -Store $Store -Folder $folder
        $simulator = Start-TestSimulator -Seed $Seed -Size $Size
        $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $simulator.BaseUrl, '1000'
        $splat = $testStore.Splat
        $result = Invoke-HostawaySync @splat -ConversationsPath (Join-Path $folder 'conversations') -Credential (New-TestCredential $simulator)
        if ($result.Status -ne 'Succeeded') { throw "The test sync failed: $($result.ErrorMessage)" }
    }
    catch {
        Stop-TestSimulator $simulator; Remove-TestStore $testStore; Remove-TestFolder $folder
        throw
    }
    finally { $env:HOSTAWAY_BASE_URL, $env:HOSTAWAY_REQUESTS_PER_10S = $saved }
    [pscustomobject]@{
        Simulator = $simulator; Folder = $folder; Store = $testStore; DatabasePath = $testStore.Path
        Counts = (Invoke-RestMethod "$($simulator.ControlUrl)counts")
    }
}

# The account a store case of a Describe reads: the SQLite account the file synced once, or the same simulated account
# (same seed and size) synced into PostgreSQL. Remove it with Remove-StoreCaseAccount.
function Get-StoreCaseAccount([string] $Store, $SqliteAccount, [int] $Seed, [string] $Size) {
    if ($Store -eq 'SQLite') { return $SqliteAccount }
    New-SyncedTestAccount -Seed $Seed -Size $Size -Store $Store
}

function Remove-StoreCaseAccount($Account, $SqliteAccount) {
    if ($Account -and $Account -ne $SqliteAccount) { Remove-SyncedTestAccount $Account }
}

function Remove-SyncedTestAccount($Account) {
    if ($Account) { Stop-TestSimulator $Account.Simulator; Remove-TestStore $Account.Store; Remove-TestFolder $Account.Folder }
}

# ---- PostgreSQL -------------------------------------------------------------------------------------------------
# One server serves a whole Pester run: Invoke-Tests.ps1 starts a throwaway one (Start-TestPostgresServer) unless
# HOSTAWAY_TEST_POSTGRES_URL names an existing server, and exports its superuser URL in HOSTAWAY_TEST_POSTGRES_URL for the
# test files; each test file (or Describe) makes its own database with New-TestStore. Only 127.0.0.1 and temp folders.

# The throwaway server's superuser (trusted on 127.0.0.1) and the one user it asks a password of (scram-sha-256).
$script:PostgresSuperuser = 'hostaway_test'
$script:PostgresPasswordUser = 'hostaway_password_user'

# The folder holding initdb and pg_ctl: the newest Debian /usr/lib/postgresql/N/bin, else PATH; $null when none.
function Find-TestPostgresBinaries {
    $debian = if (Test-Path -LiteralPath '/usr/lib/postgresql') {
        Get-ChildItem -LiteralPath '/usr/lib/postgresql' -Directory | Sort-Object { $version = 0; [void][int]::TryParse($_.Name, [ref]$version); $version } -Descending | ForEach-Object { Join-Path $_.FullName 'bin' }
    }
    $candidates = @($debian) + @($env:PATH -split [IO.Path]::PathSeparator | Where-Object { $_ })
    $candidates | Where-Object { (Test-Path -LiteralPath (Join-Path $_ 'initdb')) -and (Test-Path -LiteralPath (Join-Path $_ 'pg_ctl')) } | Select-Object -First 1
}

# psql, which the tests use to create and drop their databases and to look inside them.
function Find-TestPsql {
    $bin = Find-TestPostgresBinaries
    if ($bin -and (Test-Path -LiteralPath (Join-Path $bin 'psql'))) { return Join-Path $bin 'psql' }
    (Get-Command psql -CommandType Application -ErrorAction Ignore | Select-Object -First 1).Source
}

# Why no throwaway server can be started here, or $null when one can.
function Get-TestPostgresServerProblem {
    if (-not (Find-TestPostgresBinaries)) {
        return 'initdb and pg_ctl are not in /usr/lib/postgresql/*/bin nor on PATH (install the postgresql package), and HOSTAWAY_TEST_POSTGRES_URL is not set'
    }
    if ([Environment]::IsPrivilegedProcess -and -not (Select-String -LiteralPath '/etc/passwd' -Pattern '^postgres:' -Quiet -ErrorAction Ignore)) {
        return "the tests run as root, whom initdb refuses, and there is no 'postgres' user to run the server as"
    }
    if (-not (Find-TestPsql)) { return 'psql, which the tests use to create their databases, is not installed' }
    $null
}

# Why the PostgreSQL cases of this run are skipped, or $null when they run (read at discovery, so -Skip can use it).
function Get-TestPostgresSkipReason {
    if ($env:HOSTAWAY_TEST_POSTGRES_URL) {
        if (-not (Find-TestPsql)) { return 'No PostgreSQL tests: psql, which they use to create their databases, is not installed.' }
        return $null
    }
    if ($env:HOSTAWAYSYNC_TEST_POSTGRES_SKIP) { return "No PostgreSQL server: $env:HOSTAWAYSYNC_TEST_POSTGRES_SKIP." }
    # A server that should have started but did not is a failure of every PostgreSQL case (New-TestStore), not a skip.
    if ($env:HOSTAWAYSYNC_TEST_POSTGRES_ERROR) { return $null }
    'No PostgreSQL server: run the tests through tests/pester/Invoke-Tests.ps1, which starts one, or set HOSTAWAY_TEST_POSTGRES_URL.'
}

# The stores a store-dependent Describe runs over (-ForEach): SQLite always, PostgreSQL with the reason it is skipped, if it is.
function Get-TestStoreCases {
    @(
        @{ Store = 'SQLite'; SkipReason = $null }
        @{ Store = 'PostgreSQL'; SkipReason = (Get-TestPostgresSkipReason) }
    )
}

# Runs a PostgreSQL tool; as root, as the postgres user (initdb and postgres refuse root), from a folder that user can enter.
function Invoke-TestPostgresTool([string] $Program, [string] $WorkingFolder, [string[]] $Arguments) {
    Push-Location -LiteralPath $WorkingFolder
    try {
        $output = if ([Environment]::IsPrivilegedProcess) { & runuser -u postgres -- $Program @Arguments 2>&1 } else { & $Program @Arguments 2>&1 }
        if ($LASTEXITCODE -ne 0) { throw "$([IO.Path]::GetFileName($Program)) failed ($LASTEXITCODE): $($output -join "`n")" }
    }
    finally { Pop-Location }
}

function Set-TestPostgresOwner([string] $Folder) {
    if (-not [Environment]::IsPrivilegedProcess) { return }
    & chown -R postgres:postgres $Folder
    if ($LASTEXITCODE -ne 0) { throw "chown -R postgres $Folder failed ($LASTEXITCODE)." }
}

function Get-TestFreePort {
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    try { $listener.Start(); $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

# Starts a throwaway server (initdb + pg_ctl) on a free 127.0.0.1 port, its socket and data in a temporary folder. Returns
# its superuser URL; Stop-TestPostgresServer stops it and deletes the folder.
function Start-TestPostgresServer {
    $bin = Find-TestPostgresBinaries
    # Under /tmp rather than a profile's temp folder: as root the server runs as the postgres user, who must reach it.
    $root = if ([Environment]::IsPrivilegedProcess) { '/tmp' } else { [IO.Path]::GetTempPath() }
    Remove-AbandonedTestPostgresServer -Parent $root -PgCtl (Join-Path $bin 'pg_ctl')
    $folder = (New-Item -ItemType Directory -Path (Join-Path $root "hostawaysync-pester-pg-$([guid]::NewGuid().ToString('N').Substring(0, 12))")).FullName
    # Whose server it is: a later run stops and deletes the servers of test runs that died without stopping theirs (kill -9).
    Set-Content -LiteralPath (Join-Path $folder 'owner.pid') -Value $PID
    $server = [pscustomobject]@{ Url = $null; Folder = $folder; Data = (Join-Path $folder 'data'); PgCtl = (Join-Path $bin 'pg_ctl'); Started = $false }
    try {
        Set-TestPostgresOwner $folder
        Invoke-TestPostgresTool (Join-Path $bin 'initdb') $folder @('-D', $server.Data, '-U', $PostgresSuperuser, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync')
        Set-Content -LiteralPath (Join-Path $server.Data 'pg_hba.conf') -Value @(
            'local all all trust'
            "host all $PostgresPasswordUser 127.0.0.1/32 scram-sha-256"
            'host all all 127.0.0.1/32 trust'
        )
        Set-TestPostgresOwner $folder
        $port = Get-TestFreePort
        # No durability needed: the data is thrown away, and fsync-free commits keep the tests fast.
        $options = "-k $folder -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        Invoke-TestPostgresTool $server.PgCtl $folder @('-D', $server.Data, '-l', (Join-Path $folder 'server.log'), '-w', '-t', '60', '-o', $options, 'start')
        $server.Started = $true
        $server.Url = "postgresql://$PostgresSuperuser@127.0.0.1:$port/postgres"
        $server
    }
    catch {
        Stop-TestPostgresServer $server
        throw
    }
}

# Stops and deletes the throwaway servers of Pester runs that no longer run, so servers and folders do not pile up.
function Remove-AbandonedTestPostgresServer([string] $Parent, [string] $PgCtl) {
    foreach ($stale in Get-ChildItem -LiteralPath $Parent -Directory -Filter 'hostawaysync-pester-pg-*' -ErrorAction Ignore) {
        $owner = Get-Content -LiteralPath (Join-Path $stale.FullName 'owner.pid') -ErrorAction Ignore
        $alive = if ($owner) { [bool](Get-Process -Id ([int]$owner) -ErrorAction Ignore) } else { $stale.LastWriteTimeUtc -gt [datetime]::UtcNow.AddDays(-1) }
        if ($alive) { continue }
        try { Stop-TestPostgresServer ([pscustomobject]@{ Folder = $stale.FullName; Data = (Join-Path $stale.FullName 'data'); PgCtl = $PgCtl; Started = $true }) }
        catch { Write-Warning "Could not remove the abandoned test server in $($stale.FullName): $_" }
    }
}

function Stop-TestPostgresServer($Server) {
    if (-not $Server -or -not (Test-Path -LiteralPath $Server.Folder)) { return }
    if ($Server.Started -and (Test-Path -LiteralPath (Join-Path $Server.Data 'postmaster.pid'))) {
        Invoke-TestPostgresTool $Server.PgCtl $Server.Folder @('-D', $Server.Data, '-m', 'immediate', '-w', 'stop')
    }
    Remove-Item -LiteralPath $Server.Folder -Recurse -Force
}

# The parts of HOSTAWAY_TEST_POSTGRES_URL: a postgresql:// URL or an Npgsql keyword string (Host=...;Username=...).
function Get-TestPostgresServer {
    $text = $env:HOSTAWAY_TEST_POSTGRES_URL
    if (-not $text) { throw (Get-TestPostgresSkipReason) }
    $parts = @{ Host = '127.0.0.1'; Port = 5432; User = 'postgres'; Password = $null; Database = 'postgres' }
    if ($text -match '^postgres(ql)?://') {
        $uri = [uri]$text
        $user = $uri.UserInfo -split ':', 2
        $parts.Host = $uri.Host; if ($uri.Port -gt 0) { $parts.Port = $uri.Port }
        if ($user[0]) { $parts.User = [uri]::UnescapeDataString($user[0]) }
        if ($user.Count -gt 1) { $parts.Password = [uri]::UnescapeDataString($user[1]) }
        if ($uri.AbsolutePath.Trim('/')) { $parts.Database = [uri]::UnescapeDataString($uri.AbsolutePath.Trim('/')) }
    }
    else {
        foreach ($pair in $text -split ';' | Where-Object { $_ -match '=' }) {
            $key, $value = $pair -split '=', 2
            switch -Regex ($key.Trim()) {
                '^(host|server)$' { $parts.Host = $value.Trim() }
                '^port$' { $parts.Port = [int]$value }
                '^(username|user ?id|user)$' { $parts.User = $value.Trim() }
                '^(password|pwd)$' { $parts.Password = $value }
                '^database$' { $parts.Database = $value.Trim() }
            }
        }
    }
    [pscustomobject]$parts
}

# A postgresql:// URL of a database on the test server (the password of HOSTAWAY_TEST_POSTGRES_URL included, if it has one).
function Get-TestPostgresUrl([string] $Database, [string] $User, [string] $Password, [string] $Query) {
    $server = Get-TestPostgresServer
    if (-not $User) { $User = $server.User; $Password = $server.Password }
    $credentials = [uri]::EscapeDataString($User) + $(if ($Password) { ':' + [uri]::EscapeDataString($Password) } else { '' })
    $hostName = if ($server.Host -match ':') { "[$($server.Host)]" } else { $server.Host }
    "postgresql://$credentials@${hostName}:$($server.Port)/$([uri]::EscapeDataString($(if ($Database) { $Database } else { $server.Database })))$(if ($Query) { "?$Query" })"
}

# Runs SQL with psql as the test server's superuser; returns the rows (unaligned, tuples only, fields split by |).
function Invoke-TestPostgresSql([string] $Database, [Parameter(Mandatory)] [string] $Sql) {
    $psql = Find-TestPsql
    $output = & $psql --no-psqlrc -X -q -A -t -v ON_ERROR_STOP=1 -d (Get-TestPostgresUrl -Database $Database) -c $Sql 2>&1
    if ($LASTEXITCODE -ne 0) { throw "psql failed ($LASTEXITCODE): $($output -join "`n")" }
    @($output | Where-Object { $_ -ne '' } | ForEach-Object { "$_" })
}

# A place to keep a HostawaySync database for one test or Describe: a SQLite file in -Folder, or a new, empty PostgreSQL
# database on the test server. Splat is what the cmdlets take (-DatabasePath or -DatabaseUrl); Display is the store as
# output objects and messages name it. Remove-TestStore drops the PostgreSQL database.
function New-TestStore {
    param([Parameter(Mandatory)] [ValidateSet('SQLite', 'PostgreSQL')] [string] $Store, [Parameter(Mandatory)] [string] $Folder)
    if ($Store -eq 'SQLite') {
        $path = Join-Path $Folder 'hostaway.db'
        return [pscustomobject]@{ Store = $Store; Splat = @{ DatabasePath = $path }; Display = $path; Database = $null; Url = $null; Path = $path }
    }
    if ($env:HOSTAWAYSYNC_TEST_POSTGRES_ERROR) { throw "The throwaway PostgreSQL server did not start: $env:HOSTAWAYSYNC_TEST_POSTGRES_ERROR" }
    $reason = Get-TestPostgresSkipReason
    if ($reason) { throw $reason }
    $name = 'hostawaysync_pester_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $null = Invoke-TestPostgresSql -Sql "CREATE DATABASE $name;"
    $url = Get-TestPostgresUrl -Database $name
    $server = Get-TestPostgresServer
    $display = "postgresql://$([uri]::EscapeDataString($server.User))@$($server.Host):$($server.Port)/${name}?schema=hostaway"
    [pscustomobject]@{ Store = $Store; Splat = @{ DatabaseUrl = $url }; Display = $display; Database = $name; Url = $url; Path = $null }
}

# Where the given store has no HostawaySync database: a missing file beside the SQLite one, or a schema nobody created in
# the PostgreSQL database (which exists). Reading there must stop with HostawayDatabaseNotFound.
function Get-TestMissingStoreSplat($TestStore) {
    if ($TestStore.Path) { return @{ DatabasePath = (Join-Path (Split-Path $TestStore.Path) 'none.db') } }
    @{ DatabaseUrl = "$($TestStore.Url)?schema=nothing_here" }
}

# A login that needs a password (the throwaway server asks hostaway_password_user for one), allowed to create
# HostawaySync's schema in the test database. Roles are server-wide: each call sets the password it is given.
function New-TestPostgresPasswordUser($TestStore, [Parameter(Mandatory)] [string] $Password) {
    $exists = Invoke-TestPostgresSql -Sql "SELECT count(*) FROM pg_roles WHERE rolname = '$PostgresPasswordUser';"
    # Role names and passwords cannot be parameters of CREATE/ALTER ROLE; both come from the tests themselves.
    $null = Invoke-TestPostgresSql -Sql "$(if ($exists[0] -eq '0') { 'CREATE' } else { 'ALTER' }) ROLE $PostgresPasswordUser LOGIN PASSWORD '$Password';"
    $null = Invoke-TestPostgresSql -Sql "GRANT CREATE, CONNECT ON DATABASE $($TestStore.Database) TO $PostgresPasswordUser;"
    $PostgresPasswordUser
}

# A fingerprint of everything in a test store, to show a command changed nothing: the SQLite file's hash, or every
# row of every table of the PostgreSQL schema.
function Get-TestStoreSnapshot($TestStore) {
    if ($TestStore.Path) { return Get-FileHashString $TestStore.Path }
    # One query: each table's rows, in a stable order, as XML, hashed.
    $sql = "SELECT table_name || ' ' || md5(query_to_xml(format('SELECT * FROM %I.%I t ORDER BY t::text', table_schema, table_name), true, false, '')::text) FROM information_schema.tables WHERE table_schema = 'hostaway' ORDER BY table_name;"
    (Invoke-TestPostgresSql -Database $TestStore.Database -Sql $sql) -join "`n"
}

function Remove-TestStore($TestStore) {
    if ($TestStore -and $TestStore.Database) {
        $null = Invoke-TestPostgresSql -Sql "DROP DATABASE IF EXISTS $($TestStore.Database) WITH (FORCE);"
    }
}

# Everything an error record carries that HostawaySync wrote: every exception in the chain (message, type, stack), the
# error details and recommended action, the target and the category. (Not the invocation's own command line, which
# PowerShell keeps as the user typed it.)
function Get-ErrorRecordText([System.Management.Automation.ErrorRecord] $Record) {
    $texts = @($Record.FullyQualifiedErrorId, "$($Record.CategoryInfo)", "$($Record.TargetObject)", $Record.ErrorDetails.Message, $Record.ErrorDetails.RecommendedAction)
    for ($exception = $Record.Exception; $exception; $exception = $exception.InnerException) {
        $texts += $exception.ToString()
        $texts += ($exception.Data.Values | ForEach-Object { "$_" })
    }
    $texts -join "`n"
}

# Exports objects to CSV and checks every column is a flat value (no System.Object[] or nested objects).
function Test-FlatCsv([object[]] $InputObject, [string] $Folder) {
    $csv = Join-Path $Folder ([guid]::NewGuid().ToString('N') + '.csv')
    $InputObject | Export-Csv -LiteralPath $csv
    $text = Get-Content -LiteralPath $csv -Raw
    return -not ($text -match 'System\.Object\[\]|System\.Collections|HostawaySync\.')
}

function Get-FileHashString([string] $Path) { (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash }

# The engine's FileAccessTokenStore over -Folder (the engine lives in the module's private AssemblyLoadContext, so its
# types cannot be named in a script): to keep or read access tokens as the cmdlets do.
function New-TestAccessTokenStore([string] $Folder) {
    $null = Get-HostawayConfiguration Credential   # loads the engine
    $engine = [Runtime.Loader.AssemblyLoadContext]::All.Assemblies | Where-Object { $_.GetName().Name -eq 'HostawaySync.Engine' } | Select-Object -First 1
    $engine.GetType('HostawaySync.Engine.Security.FileAccessTokenStore', $true).GetConstructors()[0].Invoke(@($Folder, $null, $null))
}

Export-ModuleMember -Function *
