// What each collector probe needs of an account that is not a local administrator (README, "Scan a real cluster",
// step 2), so that a denied probe says which right to grant, not only Windows' message.
const RIGHTS: Record<string, string> = {
  currentVersion:
    'any user can read it: check the registry key HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
  operatingSystem: 'Remote Enable and Enable Account on the WMI namespace root\\cimv2',
  license: 'Remote Enable and Enable Account on the WMI namespace root\\cimv2',
  hyperV: 'local Administrators (Get-WindowsFeature)',
  cluster: 'read-only cluster access (Grant-ClusterAccess -ReadOnly)',
  clusterNodes: 'read-only cluster access (Grant-ClusterAccess -ReadOnly)',
  clusterGroups: 'read-only cluster access (Grant-ClusterAccess -ReadOnly)',
  vms: 'the local group Hyper-V Administrators',
  avmaRequests: 'the local group Event Log Readers',
};

/** The right a probe needs, or null for a probe this version does not know. */
export function probeRight(probe: string): string | null {
  return Object.hasOwn(RIGHTS, probe) ? (RIGHTS[probe] ?? null) : null;
}

/** "hyperV probe failed: Access is denied (needs local Administrators (Get-WindowsFeature))". */
export function probeFailureText(error: { probe: string; message: string }): string {
  // Not a probe: sources that contradict each other (interpret/node-facts.ts editionConflict).
  if (error.probe === 'edition') return `edition: ${error.message}`;
  const right = probeRight(error.probe);
  return `${error.probe} probe failed: ${error.message}${right ? ` (needs ${right})` : ''}`;
}
