# Help completeness: every exported cmdlet and parameter is documented, every cmdlet has at least two examples,
# and the about topic is installed. Help is built from src/HostawaySync/Help by build.ps1.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $module = Import-Module (Get-HostawayModuleManifest) -PassThru -Force
    $commands = @($module.ExportedCmdlets.Values | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-HostawayModuleManifest) -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + 'ProgressAction'
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

    It 'names its output type' {
        $declared = (Get-Command $Name).OutputType.Name
        $help.returnValues.returnValue.type.name | Should -Be $declared
    }
}

Describe 'about_HostawaySync' {
    It 'is installed and covers scheduling, the file format, the schema and configuration' {
        $text = Get-Help about_HostawaySync | Out-String
        foreach ($topic in 'SCHEDULING', 'CONVERSATION FILES', 'THE DATABASE', 'CONFIGURATION', 'cron', 'Task Scheduler') { $text | Should -Match $topic }
    }
}
