# avma-check collector: gathers raw facts on one Hyper-V cluster node and prints them as one JSON document,
# base64 of UTF-8 between two marker lines. It interprets nothing; avma-check does that in TypeScript.
# Every probe fails soft: a missing cmdlet or a denied query is recorded as that probe's error.
# Runs on Windows PowerShell 5.1. Nothing from the config or another node is ever spliced into it.
$ProgressPreference = 'SilentlyContinue'
$ErrorActionPreference = 'Stop'
# Without a console (a session with no console window) the setter throws "The handle is invalid"; what is printed
# is base64 and ASCII markers, so the console's encoding does not matter then.
try { [Console]::OutputEncoding = New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false } catch { }

function Invoke-Probe {
  param([scriptblock] $Probe)
  try {
    $value = & $Probe
    return @{ ok = $true; value = $value }
  } catch {
    return @{ ok = $false; error = [string] $_.Exception.Message }
  }
}

# For probes that return lists: @() keeps one element a list and no element an empty list.
function Invoke-ListProbe {
  param([scriptblock] $Probe)
  try {
    $value = @(& $Probe)
    return @{ ok = $true; value = $value }
  } catch {
    return @{ ok = $false; error = [string] $_.Exception.Message }
  }
}

$probes = [ordered]@{}

$probes.currentVersion = Invoke-Probe {
  $cv = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
  [ordered]@{
    EditionID = [string] $cv.EditionID
    ProductName = [string] $cv.ProductName
    CurrentBuild = [string] $cv.CurrentBuild
    UBR = [string] $cv.UBR
    DisplayVersion = [string] $cv.DisplayVersion
    InstallationType = [string] $cv.InstallationType
  }
}

$probes.operatingSystem = Invoke-Probe {
  $os = Get-CimInstance -ClassName 'Win32_OperatingSystem'
  [ordered]@{
    Caption = [string] $os.Caption
    Version = [string] $os.Version
    BuildNumber = [string] $os.BuildNumber
    OperatingSystemSKU = [string] $os.OperatingSystemSKU
    ProductType = [string] $os.ProductType
  }
}

# The Windows ApplicationID also holds add-on rows (ESU on 2012 R2): LicenseIsAddon tells them from the OS row.
$probes.license = Invoke-ListProbe {
  $filter = "ApplicationID='55c92734-d682-4d71-983e-d6ec3f16059f' AND PartialProductKey IS NOT NULL"
  foreach ($row in @(Get-CimInstance -ClassName 'SoftwareLicensingProduct' -Filter $filter)) {
    [ordered]@{
      Name = [string] $row.Name
      Description = [string] $row.Description
      LicenseStatus = [string] $row.LicenseStatus
      GracePeriodRemaining = [string] $row.GracePeriodRemaining
      PartialProductKey = [string] $row.PartialProductKey
      LicenseFamily = [string] $row.LicenseFamily
      LicenseIsAddon = [bool] $row.LicenseIsAddon
    }
  }
}

$probes.hyperV = Invoke-Probe {
  $feature = Get-WindowsFeature -Name 'Hyper-V'
  [ordered]@{ Installed = [bool] $feature.Installed; InstallState = [string] $feature.InstallState }
}

# The cluster's own name: documents gathered by PowerShell remoting are grouped by it.
$probes.cluster = Invoke-Probe {
  [ordered]@{ Name = [string] (Get-Cluster).Name }
}

$probes.clusterNodes = Invoke-ListProbe {
  foreach ($node in @(Get-ClusterNode)) {
    [ordered]@{ Name = [string] $node.Name; State = [string] $node.State; DrainStatus = [string] $node.DrainStatus }
  }
}

# AVMA requests this host logged (event 12310, Application log), counted by ID only: their message layout is
# unconfirmed. Get-WinEvent reports no match as an error (NoMatchingEventsFound): that is a count of 0, while a
# denied log (LogInfoUnavailable, NoMatchingLogsFound) stays a failure of this probe.
$probes.avmaRequests = Invoke-Probe {
  try {
    $filter = @{ LogName = 'Application'; Id = 12310; StartTime = (Get-Date).AddDays(-30) }
    @(Get-WinEvent -FilterHashtable $filter -ErrorAction Stop).Count
  } catch {
    if ([string] $_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') { 0 } else { throw }
  }
}

# Get-ClusterGroup has no -GroupType parameter: filter on the property. Possible owners are those of the
# group's "Virtual Machine" resource; preferred owners only order the choice and are not read.
# The groups are the cluster's, the same from every node: a scan reads them from one node and sets
# $AvmaSkipClusterGroups on the others (a line it puts before this script), so a cluster of 64 nodes and 8,000
# VMs is not enumerated 64 times. Run by hand, the collector reads them.
if ($AvmaSkipClusterGroups -ne $true) {
  $probes.clusterGroups = Invoke-ListProbe {
    foreach ($group in @(Get-ClusterGroup | Where-Object { [string] $_.GroupType -eq 'VirtualMachine' })) {
      $owners = Invoke-ListProbe {
        $resources = @(Get-ClusterResource -InputObject $group | Where-Object { [string] $_.ResourceType -eq 'Virtual Machine' })
        foreach ($resource in $resources) {
          foreach ($owner in @((Get-ClusterOwnerNode -InputObject $resource).OwnerNodes)) { [string] $owner.Name }
        }
      }
      $vmId = Invoke-Probe {
        $resource = @(Get-ClusterResource -InputObject $group | Where-Object { [string] $_.ResourceType -eq 'Virtual Machine' })[0]
        [string] (Get-ClusterParameter -InputObject $resource -Name 'VmID').Value
      }
      [ordered]@{
        Name = [string] $group.Name
        OwnerNode = [string] $group.OwnerNode
        State = [string] $group.State
        VmId = $vmId
        PossibleOwners = $owners
      }
    }
  }
}

# Guest identity comes from the intrinsic KVP items (raw XML strings) of Msvm_KvpExchangeComponent, whose
# SystemName is the VM id. Integration services are listed with their Id: names are localized, GUIDs are not.
$probes.vms = Invoke-ListProbe {
  $components = @{}
  foreach ($component in @(Get-CimInstance -Namespace 'root\virtualization\v2' -ClassName 'Msvm_KvpExchangeComponent')) {
    $components[[string] $component.SystemName] = $component
  }
  foreach ($vm in @(Get-VM)) {
    $id = [string] $vm.VMId
    $services = Invoke-ListProbe {
      foreach ($service in @(Get-VMIntegrationService -VM $vm)) {
        [ordered]@{ Id = [string] $service.Id; Enabled = [bool] $service.Enabled }
      }
    }
    $items = @()
    if ($components.ContainsKey($id)) {
      $items = @(foreach ($item in @($components[$id].GuestIntrinsicExchangeItems)) { [string] $item })
    }
    [ordered]@{
      Name = [string] $vm.Name
      VMId = $id
      State = [string] $vm.State
      IsClustered = [bool] $vm.IsClustered
      IntegrationServices = $services
      GuestIntrinsicExchangeItems = $items
    }
  }
}

$facts = [ordered]@{ collectorVersion = 2; computerName = [string] $env:COMPUTERNAME; probes = $probes }
$json = ConvertTo-Json -InputObject $facts -Depth 12 -Compress
$encoded = [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
# One string on the pipeline, so PowerShell remoting returns it whole (the console does not reach the caller
# there), with the base64 in lines of 76 characters that no host wraps or cuts. The node line names whose
# document follows, also when it arrives damaged.
$lines = for ($at = 0; $at -lt $encoded.Length; $at += 76) { $encoded.Substring($at, [Math]::Min(76, $encoded.Length - $at)) }
Write-Output ("`r`nAVMA-CHECK-NODE " + [string] $env:COMPUTERNAME + "`r`nAVMA-CHECK-BEGIN-9c1e`r`n" + ($lines -join "`r`n") + "`r`nAVMA-CHECK-END-9c1e`r`n")
