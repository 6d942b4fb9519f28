// The Nodes view's cursor stays on its node when a what-if reorders the rows (a drained node sorts elsewhere),
// so that pressing d again on "the same node" undoes the drain instead of draining the next one.
import { type Dispatch, type SetStateAction, useEffect, useRef } from 'react';
import type { Report } from '../model/report.js';
import type { NodeRow } from './rows.js';
import type { UiState } from './ui-state.js';

const keyOf = (row: NodeRow | undefined) => (row ? `${row.cluster}\u0000${row.node.name}` : null);

export function useFollowNode(
  report: Report,
  state: UiState,
  nodes: () => readonly NodeRow[],
  cursor: number,
  setState: Dispatch<SetStateAction<UiState>>,
): void {
  const last = useRef<{ report: Report; node: string | null }>({ report, node: null });
  useEffect(() => {
    if (state.view !== 'nodes') {
      last.current = { report, node: null };
      return;
    }
    const rows = nodes();
    const here = keyOf(rows[cursor]);
    const { node } = last.current;
    if (last.current.report !== report && node && here !== node) {
      const index = rows.findIndex((row) => keyOf(row) === node);
      if (index >= 0) {
        last.current = { report, node };
        setState((s) => ({ ...s, cursor: { ...s.cursor, nodes: index } }));
        return;
      }
    }
    last.current = { report, node: here };
  });
}
