// Where a cluster, node or VM is declared in clusters.yaml, for annotations and SARIF results that point into
// the file. Built on first use only: most runs never ask.
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Locator } from '../model/locator.js';

interface Entries {
  line: number;
  nodes: Map<string, number>;
  vms: Map<string, number>;
}

function nameOf(item: unknown): { name: string; line: number } | null {
  if (!isMap(item)) return null;
  const pair = item.items.find((p) => isScalar(p.key) && p.key.value === 'name');
  const value = pair?.value;
  if (!isScalar(value) || typeof value.value !== 'string') return null;
  return { name: value.value.toLowerCase(), line: item.range?.[0] ?? 0 };
}

function index(text: string): Map<string, Entries> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const clusters = new Map<string, Entries>();
  const seq = doc.get('clusters', true);
  if (!isSeq(seq)) return clusters;
  const lineOf = (offset: number) => lines.linePos(offset).line;
  for (const item of seq.items) {
    const cluster = nameOf(item);
    if (!cluster || !isMap(item)) continue;
    const entries: Entries = { line: lineOf(cluster.line), nodes: new Map(), vms: new Map() };
    for (const [key, into] of [
      ['nodes', entries.nodes],
      ['vms', entries.vms],
    ] as const) {
      const list = item.get(key, true);
      if (!isSeq(list)) continue;
      for (const entry of list.items) {
        const named = nameOf(entry);
        if (named && !into.has(named.name)) into.set(named.name, lineOf(named.line));
      }
    }
    clusters.set(cluster.name, entries);
  }
  return clusters;
}

/** A locator over a config file's text: the VM's entry, else the node's, else the cluster's. */
export function locatorFor(file: string, text: string): Locator {
  let entries: Map<string, Entries> | null = null;
  return (cluster, subject) => {
    entries ??= index(text);
    const found = entries.get(cluster.toLowerCase());
    if (!found) return null;
    const line =
      (subject.vm ? found.vms.get(subject.vm.toLowerCase()) : undefined) ??
      (subject.node ? found.nodes.get(subject.node.toLowerCase()) : undefined) ??
      found.line;
    return { file, line };
  };
}
