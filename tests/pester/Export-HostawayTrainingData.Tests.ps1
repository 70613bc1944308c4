# Export-HostawayTrainingData over a synced account: what it reads, on SQLite and on PostgreSQL; the file handling, on SQLite.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $stores = Get-TestStoreCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $sqlite = New-SyncedTestAccount -Seed 16 -Size small

    # Every line of a JSONL file, parsed; fails on a line that is not JSON.
    function Read-JsonLines([string] $Path) {
        foreach ($line in [IO.File]::ReadAllText($Path).TrimEnd("`n").Split("`n")) { $line | ConvertFrom-Json -ErrorAction Stop }
    }
}
AfterAll { Remove-SyncedTestAccount $sqlite }

Describe 'Export-HostawayTrainingData on <Store>' -ForEach $stores {
    BeforeAll {
        if ($SkipReason) { return }
        $account = Get-StoreCaseAccount $Store $sqlite -Seed 16 -Size small
        $database = $account.Store.Splat
        $conversations = Join-Path $account.Folder 'conversations'
        $db = $database + @{ ConversationsPath = $conversations }
        $out = Join-Path $account.Folder "out-$Store"
    }
    BeforeEach { if ($SkipReason) { Set-ItResult -Skipped -Because $SkipReason } }
    AfterAll { Remove-StoreCaseAccount $account $sqlite }

    It 'writes one chat per line and returns a summary that matches the file' {
        $path = Join-Path $out 'all.jsonl'
        $result = Export-HostawayTrainingData @db -Path $path -SystemPrompt 'You are the host.'

        $result | Should -BeOfType 'HostawaySync.Output.HostawayTrainingDataExport'
        $result.Path | Should -Be $path
        $bytes = [IO.File]::ReadAllBytes($path)
        $result.Bytes | Should -Be $bytes.Length
        $bytes[0] | Should -Be ([byte][char]'{')
        $lines = @(Read-JsonLines $path)
        $lines.Count | Should -Be $result.Conversations
        $result.Conversations | Should -BeGreaterThan 50
        $result.SkippedConversations | Should -BeGreaterThan 0
        $roles = @($lines | ForEach-Object { , @($_.messages.role) })
        $roles | ForEach-Object { $_[0] | Should -Be 'system' }
        ($roles | ForEach-Object { $_.Count - 1 } | Measure-Object -Sum).Sum | Should -Be $result.Turns
        foreach ($chat in $roles) { for ($i = 2; $i -lt $chat.Count; $i++) { $chat[$i] | Should -Not -Be $chat[$i - 1] } }
        $result.Messages | Should -BeGreaterOrEqual $result.Turns
    }

    It '-MinRating keeps the conversations of stays whose guest review is rated that high, with the rating in the metadata' {
        $all = Export-HostawayTrainingData @db -Path (Join-Path $out 'rated-all.jsonl') -IncludeMetadata
        $path = Join-Path $out 'rated-9.jsonl'
        $good = Export-HostawayTrainingData @db -Path $path -MinRating 9 -IncludeMetadata

        $good.Conversations | Should -BeGreaterThan 0
        $good.Conversations | Should -BeLessThan $all.Conversations
        $lines = @(Read-JsonLines $path)
        $lines.Count | Should -Be $good.Conversations
        # Each exported stay has a guest review rated 9 or more (the metadata names its latest rated one).
        $reviews = @(Get-HostawayReview @database -Type GuestToHost -MinRating 9)
        foreach ($line in $lines) { $reviews.ReservationId | Should -Contain $line.metadata.reservationId }
        $lines.metadata.reviewRating | Should -Not -Contain $null
        { Export-HostawayTrainingData @db -Path (Join-Path $out 'x.jsonl') -MinRating 11 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HostawaySync.Commands.ExportHostawayTrainingDataCommand'
    }

    It 'exports everything piped from Get-HostawayListing into one file' {
        $withChats = Read-JsonLines (Export-HostawayTrainingData @db -Path (Join-Path $out 'listings.jsonl') -IncludeMetadata).Path |
            Group-Object { $_.metadata.listingId } | Sort-Object Count -Descending | Select-Object -First 3 -ExpandProperty Name
        $listings = Get-HostawayListing @database | Where-Object { "$($_.ListingId)" -in $withChats }
        $listings.Count | Should -Be 3
        $path = Join-Path $out 'piped.jsonl'

        $result = $listings | Export-HostawayTrainingData @db -Path $path -IncludeMetadata

        @($result).Count | Should -Be 1
        $ids = @(Read-JsonLines $path | ForEach-Object { $_.metadata.listingId } | Sort-Object -Unique)
        $ids | Should -Be @($listings.ListingId | Sort-Object)
        $each = $listings | ForEach-Object { (Export-HostawayTrainingData @db -ListingId $_.ListingId -Path (Join-Path $out "one-$($_.ListingId).jsonl")).Conversations }
        $result.Conversations | Should -Be ($each | Measure-Object -Sum).Sum
    }
}

Describe 'Export-HostawayTrainingData' {
    BeforeAll {
        $account = $sqlite
        $database = $account.Store.Splat
        $conversations = Join-Path $account.Folder 'conversations'
        $db = $database + @{ ConversationsPath = $conversations }
        $out = (New-Item -ItemType Directory -Force -Path (Join-Path $account.Folder 'out')).FullName

        # Puts text at the start of the first sent guest message in a conversation's file (ids and positions stay as synced).
        function Add-GuestText([long] $ConversationId, [string] $Text) {
            $file = Join-Path $conversations (Get-HostawayConversation -DatabasePath $account.DatabasePath -ConversationId $ConversationId).FilePath
            $content = [IO.File]::ReadAllText($file)
            $separator = [regex]::Match($content, '(?m)^=== .*\| guest \|.*\| sent\n')
            $separator.Success | Should -BeTrue
            $at = $separator.Index + $separator.Length
            [IO.File]::WriteAllText($file, $content.Substring(0, $at) + $Text + $content.Substring($at))
        }
    }

    It 'resolves -Path against the PowerShell location and creates its folder' {
        Push-Location $account.Folder
        try { $result = Export-HostawayTrainingData @db -Path 'relative/sub/r.jsonl' }
        finally { Pop-Location }
        $result.Path | Should -Be (Join-Path $account.Folder 'relative/sub/r.jsonl')
        $result.Path | Should -Exist
    }

    It 'exports nothing when nothing is piped in' {
        $path = Join-Path $out 'none.jsonl'
        $result = @() | Export-HostawayTrainingData @db -Path $path -WarningVariable warnings -WarningAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $warnings | Should -Not -BeNullOrEmpty
        $path | Should -Not -Exist
    }

    It '-WhatIf writes nothing and creates no folder' {
        $folder = Join-Path $out 'whatif'
        Export-HostawayTrainingData @db -Path (Join-Path $folder 'w.jsonl') -WhatIf | Should -BeNullOrEmpty
        $folder | Should -Not -Exist
    }

    It 'leaves an existing file alone with HostawayExportFileExists unless -Force is given' {
        $path = Join-Path $out 'exists.jsonl'
        Set-Content -LiteralPath $path -Value 'keep me'

        { Export-HostawayTrainingData @db -Path $path } | Should -Throw -ErrorId 'HostawayExportFileExists,*'
        $error[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'

        $result = Export-HostawayTrainingData @db -Path $path -Force
        $result.Bytes | Should -Be (Get-Item -LiteralPath $path).Length
        @(Get-ChildItem -LiteralPath $out -Force -Filter '.hostawaysync-export-*') | Should -BeNullOrEmpty
    }

    It 'refuses a folder as -Path with HostawayExportPathInvalid' {
        $folder = Join-Path $out 'a-folder'
        $null = New-Item -ItemType Directory -Path $folder
        { Export-HostawayTrainingData @db -Path $folder -WhatIf } | Should -Throw -ErrorId 'HostawayExportPathInvalid,*'
        @(Get-ChildItem -LiteralPath $folder -Force) | Should -BeNullOrEmpty
    }

    It 'reports a folder it cannot write to as HostawayExportWriteFailed and leaves nothing there' {
        $readOnly = Join-Path $out 'read-only'
        $null = New-Item -ItemType Directory -Path $readOnly
        if (-not (Set-FolderReadOnly $readOnly)) { Set-ItResult -Skipped -Because 'this system cannot make a folder read-only for the current user'; return }
        try {
            $failure = { Export-HostawayTrainingData @db -Path (Join-Path $readOnly 'x.jsonl') } | Should -Throw -ErrorId 'HostawayExportWriteFailed,*' -PassThru
            $failure.CategoryInfo.Category | Should -Be 'WriteError'
            @(Get-ChildItem -LiteralPath $readOnly -Force) | Should -BeNullOrEmpty
        }
        finally { Clear-FolderReadOnly $readOnly }
    }

    It 'refuses a conversations folder that does not exist with HostawayConfigurationInvalid' {
        { Export-HostawayTrainingData -DatabasePath $account.DatabasePath -ConversationsPath (Join-Path $out 'no-such') -Path (Join-Path $out 'nc.jsonl') } |
            Should -Throw -ErrorId 'HostawayConfigurationInvalid,*'
        Join-Path $out 'nc.jsonl' | Should -Not -Exist
    }

    It '-Redact Email leaves no e-mail address in the text' {
        # Put a guest's address into a message of a conversation that is exported.
        $before = Export-HostawayTrainingData @db -Path (Join-Path $out 'ids.jsonl') -IncludeMetadata
        $id = (Read-JsonLines $before.Path | Select-Object -First 1).metadata.conversationId
        Add-GuestText $id 'Write to ana.guest+trip@example.com or ANA@Example.org. '

        $plain = Export-HostawayTrainingData @db -ConversationId $id -Path (Join-Path $out 'plain.jsonl')
        Get-Content -LiteralPath $plain.Path -Raw | Should -Match 'ana\.guest\+trip@example\.com'
        $redacted = Export-HostawayTrainingData @db -Path (Join-Path $out 'redacted.jsonl') -Redact Email

        $redacted.RedactedEmails | Should -Be 2
        $redacted.RedactedPhones | Should -Be 0
        $contents = Read-JsonLines $redacted.Path | ForEach-Object { $_.messages.content }
        $contents | Where-Object { $_ -match '\S@\S' } | Should -BeNullOrEmpty
        @($contents | Where-Object { $_ -like '*Write to `[EMAIL`] or `[EMAIL`].*' }).Count | Should -Be 1
    }

    It '-Redact All and -Redact AccessCode replace door codes, the reservation''s own one too, and count them' {
        # A conversation whose reservation has a door code; that code goes into a guest message without a label.
        $doorCodes = @{}
        @(Invoke-RestMethod "$($account.Simulator.ControlUrl)truth?resource=reservations") | ForEach-Object { $_ } |
            Where-Object { $_.doorCode } | ForEach-Object { $doorCodes[[long]$_.id] = [string]$_.doorCode }
        $line = Read-JsonLines (Export-HostawayTrainingData @db -Path (Join-Path $out 'codes-ids.jsonl') -IncludeMetadata).Path |
            Where-Object { $doorCodes.ContainsKey([long]$_.metadata.reservationId) } | Select-Object -First 1
        $line | Should -Not -BeNullOrEmpty
        $id = $line.metadata.conversationId
        $code = $doorCodes[[long]$line.metadata.reservationId]
        Add-GuestText $id "So we use $code at the side entrance? "
        $hasCode = "(?<![0-9])$code(?![0-9])"

        $plain = Export-HostawayTrainingData @db -ConversationId $id -Path (Join-Path $out 'codes-plain.jsonl')
        $all = Export-HostawayTrainingData @db -ConversationId $id -Path (Join-Path $out 'codes-all.jsonl') -Redact All

        $plain.RedactedAccessCodes | Should -Be 0
        Get-Content -LiteralPath $plain.Path -Raw | Should -Match "So we use $code at the side entrance\?"
        $redactedText = Get-Content -LiteralPath $all.Path -Raw
        $redactedText | Should -Not -Match $hasCode
        $redactedText | Should -Match 'So we use \[ACCESS_CODE\] at the side entrance\?'
        $all.RedactedAccessCodes | Should -Be ([regex]::Matches($redactedText, '\[ACCESS_CODE\]').Count)

        # AccessCode alone, over the whole account: the simulated hosts' "The door code is 1234." lines, and nothing else.
        $labelled = '(?i)door code(?: is|:)\s*[0-9]'
        $everything = Get-Content -LiteralPath (Export-HostawayTrainingData @db -Path (Join-Path $out 'codes-every.jsonl')).Path -Raw
        $only = Export-HostawayTrainingData @db -Path (Join-Path $out 'codes-only.jsonl') -Redact AccessCode -IncludeMetadata
        $onlyText = Get-Content -LiteralPath $only.Path -Raw

        [regex]::Matches($everything, $labelled).Count | Should -BeGreaterThan 5
        $onlyText | Should -Not -Match $labelled
        (Read-JsonLines $only.Path | Where-Object { $_.metadata.conversationId -eq $id }).messages.content -join "`n" | Should -Not -Match $hasCode
        $only.RedactedAccessCodes | Should -Be ([regex]::Matches($onlyText, '\[ACCESS_CODE\]').Count)
        $only.RedactedAccessCodes | Should -BeGreaterOrEqual ([regex]::Matches($everything, $labelled).Count + 1)
        @($only.RedactedEmails, $only.RedactedPhones, $only.RedactedNames) | Should -Be @(0, 0, 0)
        $onlyText | Should -Not -Match '\[(EMAIL|PHONE|NAME)\]'
        ($only | Format-List | Out-String) | Should -Match "Redacted\s*: 0 e-mails, 0 phones, 0 names, $($only.RedactedAccessCodes) access codes"
    }

    It 'writes into data/exports/training_data of the per-user data folder by default' -Skip:($IsWindows -or $IsMacOS) {
        $dataHome = Join-Path $account.Folder 'xdg-data'
        $fakeHome = Join-Path $account.Folder 'home'
        $null = New-Item -ItemType Directory -Path $dataHome, $fakeHome -Force
        $script = "Import-Module '$(Get-HostawayModuleManifest)'; (Export-HostawayTrainingData -DatabasePath '$($account.DatabasePath)' -ConversationsPath '$conversations').Path"

        $run = Invoke-ChildPwsh -Script $script -Environment @{ XDG_DATA_HOME = $dataHome; HOME = $fakeHome; HOSTAWAY_DATABASE_PATH = $null; HOSTAWAY_CONVERSATIONS_PATH = $null }

        $run.ExitCode | Should -Be 0 -Because $run.Error
        $written = $run.Output.Trim()
        $written | Should -BeLike (Join-Path $dataHome 'HostawaySync/data/exports/training_data/hostaway-training-*.jsonl')
        [IO.Path]::GetFileName($written) | Should -Match '^hostaway-training-\d{8}-\d{6}\.jsonl$'
        $written | Should -Exist
    }

    It 'exports its summary to CSV as flat columns' {
        $result = Export-HostawayTrainingData @db -Path (Join-Path $out 'csv.jsonl') -Redact All
        Test-FlatCsv $result $account.Folder | Should -BeTrue
        $csv = Join-Path $account.Folder 'summary.csv'
        $result | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv).PSObject.Properties.Name | Should -Be @('Path', 'Conversations', 'Messages', 'Turns', 'SkippedConversations', 'RedactedEmails', 'RedactedPhones', 'RedactedNames', 'RedactedAccessCodes', 'Bytes', 'Duration')
    }
}
