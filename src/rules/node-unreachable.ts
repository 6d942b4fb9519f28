import { defineRule } from './types.js';

export default defineRule({
  id: 'node-unreachable',
  severity: 'unknown',
  title: 'Node could not be read',
  explanation:
    "avma-check could not learn this node's facts (it did not answer, refused the connection or the login, " +
    'sent output that could not be read, or has no facts declared), so it cannot tell whether VMs that ' +
    'land there stay activated.',
  remedy: "Fix what the node error says and run again, or declare the node's facts in clusters.yaml.",
  checkNode: (node) =>
    node.error
      ? { message: `${node.name} could not be read (${node.error.kind}): ${node.error.message}` }
      : undefined,
});
