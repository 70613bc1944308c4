# Help completeness: every exported cmdlet and parameter is documented, every cmdlet has at least two examples,
# and the about topic is installed. Help is built from src/HostawaySync/Help by build.ps1.
# Help quality: every parameter's type reads as PowerShell users write it (DateTime, Int64[]; never Nullable`1 or
# another raw generic name), the wildcard flag is set exactly where the cmdlet declares [SupportsWildcards], and
# pipeline input and a default value are shown for every parameter, as the cmdlet metadata says.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $module = Import-Module (Get-HostawayModuleManifest) -PassThru -Force
    $commands = @($module.ExportedCmdlets.Values | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + 'ProgressAction'

    # The type as Get-Help should show it, worked out here independently of the help generator.
    function Get-ExpectedTypeName([Type] $Type) {
        if ([Nullable]::GetUnderlyingType($Type)) { return Get-ExpectedTypeName ([Nullable]::GetUnderlyingType($Type)) }
        if ($Type.IsArray) { return (Get-ExpectedTypeName $Type.GetElementType()) + '[]' }
        return $Type.Name
    }
    $rawTypeName = '`|Nullable|\[\['
}

Describe 'Help for <Name>' -ForEach $commands {
    BeforeAll { $help = Get-Help $Name -Full }

    It 'has a synopsis and a description of its own' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "*$Name *[<CommonParameters>]*"
        ($help.description.Text -join ' ').Length | Should -BeGreaterThan 80
    }

    It 'has at least two examples, each with code' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) { $example.code | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        $parameters = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }
        foreach ($parameter in $parameters) {
            $entry = $help.parameters.parameter | Where-Object name -EQ $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs help"
            ($entry.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }

    It 'shows every parameter type as PowerShell users write it' {
        $metadata = (Get-Command $Name).Parameters
        foreach ($entry in $help.parameters.parameter) {
            $expected = Get-ExpectedTypeName $metadata[$entry.name].ParameterType
            [string]$entry.parameterValue | Should -Not -Match $rawTypeName -Because "-$($entry.name) of $Name"
            [string]$entry.type.name | Should -Not -Match $rawTypeName -Because "-$($entry.name) of $Name"
            [string]$entry.parameterValue | Should -BeExactly $expected -Because "-$($entry.name) of $Name"
            ([string]$entry.type.name).EndsWith($expected) | Should -BeTrue -Because "-$($entry.name) of $Name is a $expected, not $($entry.type.name)"
        }
        foreach ($item in $help.syntax.syntaxItem) {
            foreach ($entry in $item.parameter | Where-Object { $_ -and $_.PSObject.Properties['parameterValue'] -and $_.parameterValue }) {
                [string]$entry.parameterValue | Should -BeExactly (Get-ExpectedTypeName $metadata[$entry.name].ParameterType) -Because "-$($entry.name) in the syntax of $Name"
            }
        }
    }

    It 'marks exactly the parameters that accept wildcards' {
        foreach ($parameter in (Get-Command $Name).Parameters.Values | Where-Object Name -NotIn $common) {
            $declared = [bool]@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
            $entry = $help.parameters.parameter | Where-Object name -EQ $parameter.Name
            $entry.globbing | Should -Be $declared.ToString().ToLowerInvariant() -Because "-$($parameter.Name) of $Name $(if ($declared) { 'has' } else { 'lacks' }) [SupportsWildcards]"
        }
    }

    It 'shows every parameter''s pipeline input and default value' {
        foreach ($parameter in (Get-Command $Name).Parameters.Values | Where-Object Name -NotIn $common) {
            $sets = @($parameter.ParameterSets.Values)
            $ways = @(if ($sets.ValueFromPipeline -contains $true) { 'ByValue' }; if ($sets.ValueFromPipelineByPropertyName -contains $true) { 'ByPropertyName' })
            $entry = $help.parameters.parameter | Where-Object name -EQ $parameter.Name
            $entry.pipelineInput | Should -BeExactly $(if ($ways) { "True ($($ways -join ', '))" } else { 'False' }) -Because "-$($parameter.Name) of $Name"
            [string]$entry.defaultValue | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $Name needs a default value (None when it has none)"
            if ($parameter.SwitchParameter) { $entry.defaultValue | Should -BeExactly 'False' -Because "-$($parameter.Name) of $Name is a switch" }
        }
    }

    It 'lists its pipeline input under INPUTS' {
        $inputs = @($help.inputTypes.inputType | Where-Object { $_ })
        $inputs | Should -Not -BeNullOrEmpty -Because "$Name needs an INPUTS section"
        $text = ($inputs | ForEach-Object { $_.type.name; $_.description.Text }) -join ' '
        $parameters = @((Get-Command $Name).Parameters.Values | Where-Object Name -NotIn $common)
        $piped = @($parameters | Where-Object { @($_.ParameterSets.Values).ValueFromPipeline -contains $true -or @($_.ParameterSets.Values).ValueFromPipelineByPropertyName -contains $true })
        foreach ($parameter in $piped) { $text | Should -Match "\b$($parameter.Name)\b" -Because "-$($parameter.Name) of $Name takes pipeline input" }
        if (-not $piped) { $inputs.type.name | Should -Be 'None' }
    }

    It 'has examples that run the cmdlet itself' {
        $examples = @($help.examples.example | Where-Object { $_ })
        foreach ($example in $examples) { $example.title -replace '[-\s]' | Should -Not -BeNullOrEmpty }
        @($examples | Where-Object code -Match "\b$([regex]::Escape($Name))\b").Count | Should -BeGreaterOrEqual 2 -Because "$Name needs at least two examples of its own use"
    }

    It 'has example titles that fit an 80-column console, indented as Get-Help shows them' {
        foreach ($example in $help.examples.example) { ('    ' + $example.title).Length | Should -BeLessOrEqual 80 -Because $example.title }
    }

    It 'links to related commands the module has, and to about_HostawaySync' {
        $links = @($help.relatedLinks.navigationLink.linkText)
        $links | Should -Contain 'about_HostawaySync'
        foreach ($link in $links | Where-Object { $_ -ne 'about_HostawaySync' }) { Get-Command $link -Module HostawaySync -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "$Name links to $link" }
        ($links | Where-Object { $_ -ne 'about_HostawaySync' }).Count | Should -BeGreaterOrEqual 1
    }

    It 'names its output type' {
        $declared = (Get-Command $Name).OutputType.Name
        $help.returnValues.returnValue.type.name | Should -Be $declared
    }
}

Describe 'The built help file' {
    It 'names no parameter type the raw .NET way' {
        $file = Join-Path (Get-Module HostawaySync).ModuleBase 'en-US/HostawaySync.dll-Help.xml'
        [xml]$maml = Get-Content -LiteralPath $file -Raw
        $names = @($maml.SelectNodes("//*[local-name()='parameterValue'] | //*[local-name()='parameter']/*[local-name()='type']/*[local-name()='name']") | ForEach-Object InnerText)
        $names.Count | Should -BeGreaterThan 100
        @($names | Where-Object { $_ -match $rawTypeName }) | Should -BeNullOrEmpty
    }

    It 'gives every command examples' {
        $file = Join-Path (Get-Module HostawaySync).ModuleBase 'en-US/HostawaySync.dll-Help.xml'
        [xml]$maml = Get-Content -LiteralPath $file -Raw
        $commands = @($maml.SelectNodes("//*[local-name()='command' and namespace-uri()='http://schemas.microsoft.com/maml/dev/command/2004/10' and *[local-name()='details']]"))
        $commands.Count | Should -Be @((Get-Module HostawaySync).ExportedCmdlets.Keys).Count
        foreach ($node in $commands) {
            $name = $node.SelectSingleNode("*[local-name()='details']/*[local-name()='name']").InnerText
            @($node.SelectNodes(".//*[local-name()='example']/*[local-name()='code']") | Where-Object { $_.InnerText.Trim() }).Count | Should -BeGreaterOrEqual 2 -Because "$name needs examples"
        }
    }
}

Describe 'Set-HostawayConfiguration help' {
    It 'states each setting''s default as the settings catalogue has it' {
        $help = Get-Help Set-HostawayConfiguration -Full
        $parameters = (Get-Command Set-HostawayConfiguration).Parameters
        $settings = @(Get-HostawayConfiguration | Where-Object { $null -ne $_.DefaultValue -and $parameters.ContainsKey($_.Name) })
        $settings.Count | Should -BeGreaterOrEqual 7
        foreach ($setting in $settings) {
            $text = if ($setting.DefaultValue -is [bool]) { '$' + "$($setting.DefaultValue)".ToLowerInvariant() }
            elseif ($setting.DefaultValue -is [string] -and [IO.Path]::IsPathRooted($setting.DefaultValue)) { Split-Path -Leaf $setting.DefaultValue }   # in the per-user data folder
            else { [Convert]::ToString($setting.DefaultValue, [Globalization.CultureInfo]::InvariantCulture) }
            $entry = $help.parameters.parameter | Where-Object name -EQ $setting.Name
            $entry.defaultValue | Should -Match "(^|[\s(/])$([regex]::Escape($text))(\W|$)" -Because "the $($setting.Name) setting defaults to $text"
        }
    }
}

Describe 'about_HostawaySync' {
    It 'is installed and covers scheduling, the file format, the schema and configuration' {
        $text = Get-Help about_HostawaySync | Out-String
        foreach ($topic in 'SCHEDULING', 'CONVERSATION FILES', 'THE DATABASE', 'CONFIGURATION', 'cron', 'Task Scheduler') { $text | Should -Match $topic }
    }
}
