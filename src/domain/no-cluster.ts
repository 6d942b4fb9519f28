// What Windows says where there is no cluster to read: the FailoverClusters module is not installed, the
// Cluster service is not running, or the host is in no cluster. Any other failure (access denied) hides a cluster.
const NO_CLUSTER =
  /is not recognized as the name of a cmdlet|cluster service is not running|not (?:a member of|part of) a cluster/i;

export function saysNoCluster(message: string): boolean {
  return NO_CLUSTER.test(message);
}
