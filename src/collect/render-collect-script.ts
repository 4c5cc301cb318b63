import { collectedCaptures, collectedChannels } from './collect-plan.js';

export interface CollectScriptOptions {
  /** How far back the event log exports reach (and the default of the script's -Hours). */
  hours: number;
}

/** Most hours the script accepts (one year). */
export const maxCollectHours = 8760;

/**
 * The PowerShell script that collects what lmdoctor reads, on every node of the cluster
 * (guide.md "How the guide collects the logs"). Plain ASCII, so Windows PowerShell 5.1 reads it
 * whatever the file's encoding; the only value put into it is the whole number of hours. Pure.
 */
export function renderCollectScript(options: CollectScriptOptions): string {
  const hours = Math.trunc(options.hours);
  if (!(hours >= 1 && hours <= maxCollectHours))
    throw new RangeError(`hours out of range: ${hours}`);
  const channels = collectedChannels
    .map(
      (c, i) =>
        `  @{ Name = '${c.channel}'; Analytic = $${c.analytic} }${i < collectedChannels.length - 1 ? ',' : ''}`,
    )
    .join('\n');
  const captures = collectedCaptures.map((c) => `    ${c.file.padEnd(34)} ${c.what}`).join('\n');
  return `${header(captures, hours)}
$ErrorActionPreference = 'Continue'
Set-StrictMode -Version 2

# Every channel lmdoctor reads: the guide's list, then FailoverClustering and System.
$Channels = @(
${channels}
)

function Write-Step([string]$Text) { Write-Host ('lmdoctor: ' + $Text) }

# Collects one node's event logs and captures into $Folder on that node. Runs locally or
# through PowerShell remoting, so it uses nothing defined outside it.
$CollectNode = {
  param([string]$Folder, [int]$Hours, $Channels)
  $node = $env:COMPUTERNAME
  New-Item -ItemType Directory -Path $Folder -Force | Out-Null
  $milliseconds = [int64]$Hours * 3600000
  foreach ($c in $Channels) {
    $name = [string]$c.Name
    $settings = & wevtutil.exe gl $name 2>$null
    if ($LASTEXITCODE -ne 0) { Write-Warning ($node + ': channel ' + $name + ' does not exist here; skipped'); continue }
    $wasEnabled = [bool]($settings -match '^enabled:\\s*true')
    if ($c.Analytic -and $wasEnabled) {
      # An analytic or debug channel can only be exported while it is disabled.
      & wevtutil.exe sl $name /e:false /q
    }
    # The guide's export: wevtutil epl with a structured query (a QueryList), here limited to
    # the last $Hours hours.
    $query = Join-Path $Folder ('query-' + ($name -replace '[/\\\\]', '-') + '.xml')
    $xml = '<QueryList><Query Id="0" Path="' + $name + '"><Select Path="' + $name + '">' +
      '*[System[TimeCreated[timediff(@SystemTime) &lt;= ' + $milliseconds + ']]]</Select></Query></QueryList>'
    Set-Content -Path $query -Value $xml -Encoding UTF8
    $file = Join-Path $Folder ($node + '-' + ($name -replace '/', '-') + '.evtx')
    & wevtutil.exe epl $query $file /sq:true /ow:true
    if ($LASTEXITCODE -ne 0) { Write-Warning ($node + ': could not export ' + $name) }
    Remove-Item -Path $query -Force -ErrorAction SilentlyContinue
    if ($c.Analytic) {
      # The guide: enable the high-availability analytic channel (wevtutil sl ... /e:true /q)
      # so that it records the next migrations. Collect again after the next attempt.
      & wevtutil.exe sl $name /e:true /q
      if (-not $wasEnabled) { Write-Warning ($node + ': ' + $name + ' was disabled and is now enabled; it holds events from now on') }
    }
  }
  $useCim = [bool](Get-Command Get-CimInstance -ErrorAction SilentlyContinue)
  function Get-Wmi([string]$Class, [string]$Namespace = 'root\\cimv2') {
    if ($useCim) { Get-CimInstance -Namespace $Namespace -ClassName $Class -ErrorAction Stop }
    else { Get-WmiObject -Namespace $Namespace -Class $Class -ErrorAction Stop }
  }
  function Save-Capture([string]$File, [scriptblock]$Capture) {
    try { & $Capture | Out-File -FilePath (Join-Path $Folder $File) -Width 4096 }
    catch { Write-Warning ($node + ': ' + $File + ' not captured: ' + $_.Exception.Message) }
  }
  Save-Capture ($node + '-Get-VMSwitch.txt') {
    if (Get-Command Get-VMSwitch -ErrorAction SilentlyContinue) { Get-VMSwitch -ErrorAction Stop | Format-List * }
    else { Get-Wmi 'Msvm_VirtualSwitch' 'root\\virtualization' | Format-List * }
  }
  Save-Capture ($node + '-Win32_Processor.txt') {
    Get-Wmi 'Win32_Processor' | Format-List Name, Manufacturer, Architecture, AddressWidth, SystemName
  }
  Save-Capture ($node + '-Win32_OperatingSystem.txt') {
    Get-Wmi 'Win32_OperatingSystem' | Format-List CSName, Caption, Version, SystemDrive
  }
}

New-Item -ItemType Directory -Path $OutputFolder -Force | Out-Null
$OutputFolder = (Resolve-Path $OutputFolder).Path
Import-Module FailoverClusters -ErrorAction SilentlyContinue
$haveClusterCmdlets = [bool](Get-Command Get-ClusterLog -ErrorAction SilentlyContinue)

if ($haveClusterCmdlets) {
  $nodes = @(Get-ClusterNode | ForEach-Object { [string]$_.Name })
} else {
  Write-Warning 'The FailoverClusters cmdlets are missing: collecting this node only (run the script on every node).'
  $nodes = @($env:COMPUTERNAME)
}

# Event logs and per-node captures, node by node.
foreach ($node in $nodes) {
  if ($node -ieq $env:COMPUTERNAME) {
    Write-Step ('collecting ' + $node + ' (local)')
    & $CollectNode $OutputFolder $Hours $Channels
    continue
  }
  if ($LocalOnly) { continue }
  Write-Step ('collecting ' + $node + ' (PowerShell remoting)')
  try {
    $session = New-PSSession -ComputerName $node -ErrorAction Stop
    $remoteFolder = Invoke-Command -Session $session -ScriptBlock { Join-Path $env:TEMP ('lmdoctor-' + [guid]::NewGuid().ToString()) }
    Invoke-Command -Session $session -ScriptBlock $CollectNode -ArgumentList $remoteFolder, $Hours, $Channels
    if ($PSVersionTable.PSVersion.Major -ge 5) {
      Copy-Item -FromSession $session -Path (Join-Path $remoteFolder '*') -Destination $OutputFolder
    } else {
      $share = '\\\\' + $node + '\\' + ($remoteFolder -replace '^([A-Za-z]):', '$1$')
      Copy-Item -Path (Join-Path $share '*') -Destination $OutputFolder
    }
    Invoke-Command -Session $session -ScriptBlock { param($f) Remove-Item -Recurse -Force $f } -ArgumentList $remoteFolder
    Remove-PSSession $session
  } catch {
    Write-Warning ($node + ': remoting failed (' + $_.Exception.Message + '); run this script on ' + $node + ' with -LocalOnly and add its files to the bundle')
  }
}

# Cluster logs of every node. Times are UTC: Get-ClusterLog writes UTC unless -UseLocalTime
# is given, and it is not.
Write-Step 'cluster logs (times in UTC)'
if ($haveClusterCmdlets) {
  Get-ClusterLog -Destination $OutputFolder -TimeSpan ($Hours * 60) | Out-Null
} else {
  # Windows Server 2008 R2 without the cmdlets: cluster.exe writes UTC too.
  & cluster.exe log /g /copy:"$OutputFolder"
}

# Cluster configuration, once (the configuration reader recognises these file names).
if ($haveClusterCmdlets) {
  Write-Step 'cluster configuration'
  function Save-ClusterCapture([string]$File, [scriptblock]$Capture) {
    try { & $Capture | Out-File -FilePath (Join-Path $OutputFolder $File) -Width 4096 }
    catch { Write-Warning ($File + ' not captured: ' + $_.Exception.Message) }
  }
  Save-ClusterCapture 'Get-ClusterNetwork.txt' { Get-ClusterNetwork | Format-List * }
  Save-ClusterCapture 'Get-ClusterNetworkInterface.txt' { Get-ClusterNetworkInterface | Format-List * }
  Save-ClusterCapture 'Get-ClusterNode.txt' { Get-ClusterNode | Format-List * }
  Save-ClusterCapture 'Get-ClusterGroup.txt' { Get-ClusterGroup | Format-List * }
  Save-ClusterCapture 'Get-ClusterResource.txt' { Get-ClusterResource | Format-Table -AutoSize Name, State, OwnerGroup, ResourceType }
  Save-ClusterCapture 'Get-ClusterParameter.txt' {
    $vmResources = @(Get-ClusterResource | Where-Object { [string]$_.ResourceType -like 'Virtual Machine*' })
    @(Get-ClusterResourceType -Name 'Virtual Machine' | Get-ClusterParameter) + @($vmResources | Get-ClusterParameter) |
      Format-Table -AutoSize Object, Name, Value, Type
  }
}

# One zip to hand over.
$zip = $OutputFolder + '.zip'
try {
  if (Get-Command Compress-Archive -ErrorAction SilentlyContinue) {
    Compress-Archive -Path (Join-Path $OutputFolder '*') -DestinationPath $zip -Force
  } else {
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    if (Test-Path $zip) { Remove-Item $zip -Force }
    [System.IO.Compression.ZipFile]::CreateFromDirectory($OutputFolder, $zip)
  }
  Write-Step ('collected into ' + $zip)
  Write-Step ('analyse it with: lmdoctor analyze ' + (Split-Path $zip -Leaf) + ' --report report.html')
} catch {
  Write-Warning ('could not zip (' + $_.Exception.Message + '); hand over the folder ' + $OutputFolder)
}
`;
}

function header(captures: string, hours: number): string {
  return `<#
.SYNOPSIS
  Collects the logs lmdoctor reads from every node of a Hyper-V failover cluster.

.DESCRIPTION
  Written by "lmdoctor collect-script". Run it in an elevated Windows PowerShell on one node
  of the cluster. For every node (PowerShell remoting where available, locally otherwise) it:
  - enables the Hyper-V high-availability analytic channel (wevtutil sl ... /e:true /q);
  - exports, with wevtutil epl and a QueryList limited to the last -Hours hours, the channels
    of Microsoft's live-migration guide, FailoverClustering Operational and Diagnostic, and
    System, as <node>-<channel>.evtx;
  - saves the virtual switches, processors and operating system of the node.
  Then, once for the cluster, it runs Get-ClusterLog -Destination (times in UTC; cluster.exe
  log /g /copy: where the cmdlet is missing) and saves these configuration captures:
${captures}
  Finally it zips the folder. Nothing is changed on the nodes except the analytic and
  diagnostic channels, which are left enabled.

.PARAMETER Hours
  How far back the event log exports and the cluster logs reach.

.PARAMETER OutputFolder
  Where the files are written; the zip is created next to it.

.PARAMETER LocalOnly
  Collect this node only (for nodes that PowerShell remoting cannot reach).

.EXAMPLE
  powershell.exe -ExecutionPolicy Bypass -File .\\collect-lmdoctor.ps1 -Hours 48
#>
[CmdletBinding()]
param(
  [ValidateRange(1, ${maxCollectHours})][int]$Hours = ${hours},
  [string]$OutputFolder = (Join-Path $env:TEMP ('lmdoctor-' + $env:COMPUTERNAME + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss'))),
  [switch]$LocalOnly
)`;
}
