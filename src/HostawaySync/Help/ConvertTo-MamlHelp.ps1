<#
.SYNOPSIS
    Builds the module's MAML help (en-US/HostawaySync.dll-Help.xml) from the markdown sources in Help/en-US.

.DESCRIPTION
    platyPS is not available here, so the project turns its own markdown into MAML. Run it in a fresh pwsh
    (build.ps1 does) against the built module: the syntax, parameter types, positions and pipeline input
    come from the compiled cmdlets; the words come from Help/en-US/<Cmdlet>.md (sections SYNOPSIS,
    DESCRIPTION, PARAMETERS with one "## -Name" per parameter, EXAMPLES with one "## title" and a
    powershell code block each, OUTPUTS, RELATED LINKS with one "- Name" line per command or about topic).
    A cmdlet without a help file, a parameter without a description, fewer than two examples, or a related
    link to a command the module does not have (or no related link) fails the build. Example titles fit an
    80-column console (Get-Help indents them by four spaces): the dashes around a title shrink to fit.

    Each parameter's help shows: its type as PowerShell users write it (DateTime for Nullable<DateTime>,
    Int64[], SwitchParameter; never a raw generic name such as Nullable`1); "Accept wildcard characters"
    from the parameter's [SupportsWildcards] attribute, so the code and the help cannot disagree; pipeline
    input from its [Parameter] attributes in every parameter set; and a default value: a paragraph
    "Default value: ..." of its markdown section (taken out of the description), else the value the
    cmdlet's property starts with (False for a switch), else None. INPUTS lists what the pipeline binds.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $SourceFolder,
    [Parameter(Mandatory)] [string] $OutputFile
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$module = Import-Module $ModuleManifest -PassThru
$common = [System.Management.Automation.Cmdlet]::CommonParameters + 'ProgressAction'
$standard = @{
    '-WhatIf'  = @('Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is changed.')
    '-Confirm' = @('Prompts you for confirmation before running the cmdlet.')
}

function Get-FriendlyTypeName([Type] $Type, [switch] $FullName) {
    # The type as PowerShell users write it: Nullable<T> as T, arrays as T[], generic types as Name[T1, T2].
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-FriendlyTypeName $underlying -FullName:$FullName }
    if ($Type.IsArray) { return (Get-FriendlyTypeName $Type.GetElementType() -FullName:$FullName) + '[' + (',' * ($Type.GetArrayRank() - 1)) + ']' }
    $name = if ($FullName -and $Type.FullName) { $Type.FullName } else { $Type.Name }
    if ($Type.IsGenericType) {
        $definition = $Type.GetGenericTypeDefinition()
        $name = $(if ($FullName) { $definition.FullName } else { $definition.Name }) -replace '`\d+$'
        $name += '[' + (($Type.GetGenericArguments() | ForEach-Object { Get-FriendlyTypeName $_ -FullName:$FullName }) -join ', ') + ']'
    }
    return $name
}

function Get-DefaultValue($Cmdlet, $Parameter, [Collections.Generic.List[string]] $Lines) {
    # "Default value: ..." in the markdown wins (and leaves the description); else the property's initial value; else None.
    $paragraphs = @(Get-Paragraphs $Lines)
    $stated = @($paragraphs | Where-Object { $_ -match '^Default value:\s*(.+)$' })
    if ($stated.Count -gt 1) { throw "-$($Parameter.Name) of $($Cmdlet.Name) states its default value more than once." }
    if ($stated) {
        $null = $stated[0] -match '^Default value:\s*(.+)$'
        return @{ Value = $Matches[1].Trim(); Description = @($paragraphs | Where-Object { $_ -notmatch '^Default value:' }) -join "`n`n" -split "`n" }
    }
    if ($Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { $value = 'False' }
    else {
        $initial = $Cmdlet.ImplementingType.GetProperty($Parameter.Name).GetValue([Activator]::CreateInstance($Cmdlet.ImplementingType))
        $value = if ($null -ne $initial -and "$initial" -ne '') { [string]::Join(', ', @($initial | ForEach-Object { [Convert]::ToString($_, [Globalization.CultureInfo]::InvariantCulture) })) } else { 'None' }
    }
    return @{ Value = $value; Description = $Lines }
}

function Get-ExampleTitle([int] $Number, [string] $Title) {
    # Dashes on both sides as Get-Help's own examples have them, as many as fit in 75 columns (80 less Get-Help's indent);
    # a title too long for two on each side goes without.
    $text = "Example ${Number}: $Title"
    if ($text.Length -gt 75) { throw "The title of example $Number is too long for an 80-column console (at most $(75 - $text.Length + $Title.Length) characters): $Title" }
    $dashes = [Math]::Min(26, [Math]::Floor((75 - $text.Length - 2) / 2))
    if ($dashes -lt 2) { return $text }
    return ('-' * $dashes) + " $text " + ('-' * $dashes)
}

function Read-HelpSource([string] $Path) {
    $sections = [ordered]@{}
    $current = $null
    $sub = $null
    $inCode = $false
    foreach ($line in [IO.File]::ReadAllLines($Path)) {
        if (-not $inCode -and $line -match '^# (.+)$') { $current = $Matches[1].Trim(); $sections[$current] = [ordered]@{ '' = [Collections.Generic.List[string]]::new() }; $sub = ''; continue }
        if (-not $inCode -and $line -match '^## (.+)$' -and $current) { $sub = $Matches[1].Trim(); $sections[$current][$sub] = [Collections.Generic.List[string]]::new(); continue }
        if ($line -match '^```') { $inCode = -not $inCode }
        if ($current) { $sections[$current][$sub].Add($line) }
    }
    return $sections
}

function Get-Paragraphs([string[]] $Lines) {
    # Blank lines separate paragraphs; lines within one are joined.
    $paragraphs = [Collections.Generic.List[string]]::new()
    $buffer = [Collections.Generic.List[string]]::new()
    foreach ($line in $Lines + '') {
        if ([string]::IsNullOrWhiteSpace($line)) {
            if ($buffer.Count) { $paragraphs.Add(($buffer -join ' ').Trim()); $buffer.Clear() }
        }
        else { $buffer.Add($line.Trim()) }
    }
    return $paragraphs
}

function Write-Paragraphs([System.Xml.XmlWriter] $Xml, [string] $Element, [string[]] $Lines) {
    $Xml.WriteStartElement('maml', $Element, 'http://schemas.microsoft.com/maml/2004/10')
    foreach ($paragraph in Get-Paragraphs $Lines) { $Xml.WriteElementString('maml', 'para', 'http://schemas.microsoft.com/maml/2004/10', $paragraph) }
    $Xml.WriteEndElement()
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutputFile)
$xml = [System.Xml.XmlWriter]::Create($OutputFile, $settings)
$xml.WriteStartDocument()
$xml.WriteStartElement('helpItems', 'http://msh')
$xml.WriteAttributeString('schema', 'maml')
foreach ($cmdlet in $module.ExportedCmdlets.Values | Sort-Object Name) {
    $source = Join-Path $SourceFolder "$($cmdlet.Name).md"
    if (-not (Test-Path -LiteralPath $source)) { throw "No help source for $($cmdlet.Name): $source" }
    $help = Read-HelpSource $source
    foreach ($section in 'SYNOPSIS', 'DESCRIPTION', 'PARAMETERS', 'EXAMPLES', 'OUTPUTS', 'RELATED LINKS') {
        if (-not $help.Contains($section)) { throw "$source has no '# $section' section." }
    }
    $parameters = $cmdlet.Parameters.Values | Where-Object { $_.Name -notin $common }
    foreach ($name in $standard.Keys) {
        if ($cmdlet.Parameters.ContainsKey($name.TrimStart('-')) -and -not $help.PARAMETERS.Contains($name)) { $help.PARAMETERS[$name] = [Collections.Generic.List[string]]$standard[$name] }
    }
    foreach ($parameter in $parameters) {
        if (-not $help.PARAMETERS.Contains("-$($parameter.Name)") -or -not (Get-Paragraphs $help.PARAMETERS["-$($parameter.Name)"])) { throw "$source does not describe -$($parameter.Name)." }
    }
    $examples = @($help.EXAMPLES.Keys | Where-Object { $_ })
    if ($examples.Count -lt 2) { throw "$source has fewer than two examples." }
    $links = @($help['RELATED LINKS'][''] | Where-Object { $_ -match '^- ' } | ForEach-Object { $_.Substring(2).Trim() })
    if ($links.Count -eq 0) { throw "$source has no related links." }
    foreach ($link in $links) {
        if ($link -ne 'about_HostawaySync' -and -not $module.ExportedCmdlets.ContainsKey($link)) { throw "$source links to '$link', which the module does not have." }
    }

    $xml.WriteStartElement('command', 'command', $command)
    $xml.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $xml.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $xml.WriteStartElement('command', 'details', $command)
    $xml.WriteElementString('command', 'name', $command, $cmdlet.Name)
    $xml.WriteElementString('command', 'verb', $command, $cmdlet.Verb)
    $xml.WriteElementString('command', 'noun', $command, $cmdlet.Noun)
    Write-Paragraphs $xml 'description' $help.SYNOPSIS['']
    $xml.WriteEndElement()
    Write-Paragraphs $xml 'description' $help.DESCRIPTION['']

    $xml.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $cmdlet.ParameterSets) {
        $xml.WriteStartElement('command', 'syntaxItem', $command)
        $xml.WriteElementString('maml', 'name', $maml, $cmdlet.Name)
        foreach ($parameter in $set.Parameters | Where-Object { $_.Name -notin $common }) {
            $xml.WriteStartElement('command', 'parameter', $command)
            $xml.WriteAttributeString('required', $parameter.IsMandatory.ToString().ToLowerInvariant())
            $xml.WriteAttributeString('position', $(if ($parameter.Position -ge 0) { [string]($parameter.Position + 1) } else { 'named' }))
            $xml.WriteElementString('maml', 'name', $maml, $parameter.Name)
            if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                $xml.WriteElementString('command', 'parameterValue', $command, (Get-FriendlyTypeName $parameter.ParameterType))
            }
            $xml.WriteEndElement()
        }
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteStartElement('command', 'parameters', $command)
    foreach ($parameter in $parameters) {
        $first = $parameter.ParameterSets.Values | Select-Object -First 1
        $sets = @($parameter.ParameterSets.Values)
        $pipeline = @(if ($sets.ValueFromPipeline -contains $true) { 'ByValue' }; if ($sets.ValueFromPipelineByPropertyName -contains $true) { 'ByPropertyName' })
        $wildcards = [bool]@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
        $default = Get-DefaultValue $cmdlet $parameter $help.PARAMETERS["-$($parameter.Name)"]
        $xml.WriteStartElement('command', 'parameter', $command)
        $xml.WriteAttributeString('required', $first.IsMandatory.ToString().ToLowerInvariant())
        $xml.WriteAttributeString('variableLength', $parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
        $xml.WriteAttributeString('globbing', $wildcards.ToString().ToLowerInvariant())
        $xml.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
        $xml.WriteAttributeString('position', $(if ($first.Position -ge 0) { [string]($first.Position + 1) } else { 'named' }))
        $xml.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
        $xml.WriteElementString('maml', 'name', $maml, $parameter.Name)
        Write-Paragraphs $xml 'description' $default.Description
        $xml.WriteStartElement('command', 'parameterValue', $command)
        $xml.WriteAttributeString('required', ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]).ToString().ToLowerInvariant())
        $xml.WriteAttributeString('variableLength', $parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
        $xml.WriteString((Get-FriendlyTypeName $parameter.ParameterType))
        $xml.WriteEndElement()
        $xml.WriteStartElement('dev', 'type', $dev)
        $xml.WriteElementString('maml', 'name', $maml, (Get-FriendlyTypeName $parameter.ParameterType -FullName))
        $xml.WriteEndElement()
        $xml.WriteElementString('dev', 'defaultValue', $dev, $default.Value)
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    # INPUTS: what the pipeline binds, from the same [Parameter] attributes as each parameter's pipeline input.
    $byValue = @($parameters | Where-Object { @($_.ParameterSets.Values).ValueFromPipeline -contains $true })
    $byName = @($parameters | Where-Object { @($_.ParameterSets.Values).ValueFromPipelineByPropertyName -contains $true })
    $inputs = @(foreach ($parameter in $byValue) { @{ Type = Get-FriendlyTypeName $parameter.ParameterType -FullName; Text = "Bound to -$($parameter.Name)." } })
    if ($byName) {
        $names = ($byName | ForEach-Object { if ($_.Aliases.Count) { "$($_.Name) (or $($_.Aliases -join ', '))" } else { $_.Name } }) -join ', '
        $inputs += @{ Type = 'System.Management.Automation.PSObject'; Text = "Any object with a property of these names, bound by name to the parameter of that name: $names." }
    }
    if (-not $inputs) { $inputs = @(@{ Type = 'None'; Text = 'This cmdlet takes no pipeline input.' }) }
    $xml.WriteStartElement('command', 'inputTypes', $command)
    foreach ($input in $inputs) {
        $xml.WriteStartElement('command', 'inputType', $command)
        $xml.WriteStartElement('dev', 'type', $dev)
        $xml.WriteElementString('maml', 'name', $maml, $input.Type)
        $xml.WriteEndElement()
        Write-Paragraphs $xml 'description' @($input.Text)
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteStartElement('command', 'returnValues', $command)
    foreach ($output in $help.OUTPUTS.Keys | Where-Object { $_ }) {
        $xml.WriteStartElement('command', 'returnValue', $command)
        $xml.WriteStartElement('dev', 'type', $dev)
        $xml.WriteElementString('maml', 'name', $maml, $output)
        $xml.WriteEndElement()
        Write-Paragraphs $xml 'description' $help.OUTPUTS[$output]
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteStartElement('command', 'examples', $command)
    $number = 0
    foreach ($title in $examples) {
        $number++
        $lines = @($help.EXAMPLES[$title])
        $codeStart = [array]::FindIndex($lines, [Predicate[string]] { param($l) $l -match '^```' })
        $codeEnd = [array]::FindIndex($lines, $codeStart + 1, [Predicate[string]] { param($l) $l -match '^```' })
        if ($codeStart -lt 0 -or $codeEnd -lt 0) { throw "Example '$title' in $source has no code block." }
        $xml.WriteStartElement('command', 'example', $command)
        $xml.WriteElementString('maml', 'title', $maml, (Get-ExampleTitle $number $title))
        $xml.WriteElementString('dev', 'code', $dev, ($lines[($codeStart + 1)..($codeEnd - 1)] -join "`n"))
        $xml.WriteStartElement('dev', 'remarks', $dev)
        foreach ($paragraph in Get-Paragraphs ($lines | Select-Object -Skip ($codeEnd + 1))) { $xml.WriteElementString('maml', 'para', $maml, $paragraph) }
        $xml.WriteEndElement()
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()

    $xml.WriteStartElement('command', 'relatedLinks', $command)
    foreach ($link in $links) {
        $xml.WriteStartElement('maml', 'navigationLink', $maml)
        $xml.WriteElementString('maml', 'linkText', $maml, $link)
        $xml.WriteElementString('maml', 'uri', $maml, '')
        $xml.WriteEndElement()
    }
    $xml.WriteEndElement()
    $xml.WriteEndElement()
}
$xml.WriteEndElement()
$xml.WriteEndDocument()
$xml.Dispose()
Write-Host "Help: $OutputFile ($(@($module.ExportedCmdlets.Keys).Count) cmdlets)"
