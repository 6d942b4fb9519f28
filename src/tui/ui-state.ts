// The browsing state and how each key changes it: a pure reducer, tested without a terminal.

import type { Change } from '../analyze/what-if.js';
import type { LtscRelease } from '../domain/releases.js';
import { LTSC_RELEASES } from '../domain/releases.js';
import type { Action } from './keymap.js';
import { clamp } from './window.js';

export const VIEWS = ['nodes', 'vms', 'matrix', 'findings'] as const;
export type View = (typeof VIEWS)[number];

export interface UiState {
  view: View;
  cursor: Record<View, number>;
  column: number;
  filter: string;
  filtering: boolean;
  atRiskOnly: boolean;
  overlay: 'none' | 'details' | 'help' | 'release';
  changes: Change[];
}

export const initialUiState: UiState = {
  view: 'nodes',
  cursor: { nodes: 0, vms: 0, matrix: 0, findings: 0 },
  column: 0,
  filter: '',
  filtering: false,
  atRiskOnly: false,
  overlay: 'none',
  changes: [],
};

export interface ReduceContext {
  rows: number;
  pageSize: number;
  columns: number;
  /** The node under the cursor in the Nodes view, for what-if keys. */
  selectedNode: { cluster: string; node: string } | null;
}

const VIEW_OF: Partial<Record<Action, View>> = {
  'view-nodes': 'nodes',
  'view-vms': 'vms',
  'view-matrix': 'matrix',
  'view-findings': 'findings',
};

function move(state: UiState, by: number, context: ReduceContext): UiState {
  const cursor = clamp(state.cursor[state.view] + by, 0, context.rows - 1);
  return { ...state, cursor: { ...state.cursor, [state.view]: cursor } };
}

function whatIf(state: UiState, change: Change): UiState {
  const same = state.changes.findIndex(
    (c) => c.kind === change.kind && c.node === change.node && c.cluster === change.cluster,
  );
  // Drain and evict toggle; an upgrade replaces an earlier one of the same node.
  if (same >= 0 && change.kind !== 'upgrade')
    return { ...state, changes: state.changes.filter((_, i) => i !== same) };
  const kept = state.changes.filter(
    (c) => !(c.kind === change.kind && c.node === change.node && c.cluster === change.cluster),
  );
  return { ...state, changes: [...kept, change] };
}

export function chooseRelease(state: UiState, index: number, context: ReduceContext): UiState {
  const release: LtscRelease | undefined = LTSC_RELEASES[index];
  if (!release || !context.selectedNode) return { ...state, overlay: 'none' };
  return { ...whatIf(state, { kind: 'upgrade', ...context.selectedNode, release }), overlay: 'none' };
}

export function reduce(state: UiState, action: Action, context: ReduceContext): UiState {
  const view = VIEW_OF[action];
  if (view) return { ...state, view, overlay: 'none' };
  switch (action) {
    case 'up':
      return move(state, -1, context);
    case 'down':
      return move(state, 1, context);
    case 'page-up':
      return move(state, -context.pageSize, context);
    case 'page-down':
      return move(state, context.pageSize, context);
    case 'left':
      return { ...state, column: clamp(state.column - 1, 0, context.columns - 1) };
    case 'right':
      return { ...state, column: clamp(state.column + 1, 0, context.columns - 1) };
    case 'next-view':
      return {
        ...state,
        view: VIEWS[(VIEWS.indexOf(state.view) + 1) % VIEWS.length] ?? 'nodes',
        overlay: 'none',
      };
    case 'details':
      return { ...state, overlay: state.overlay === 'details' ? 'none' : 'details' };
    case 'help':
      return { ...state, overlay: state.overlay === 'help' ? 'none' : 'help' };
    case 'back':
      return { ...state, overlay: 'none', filtering: false };
    case 'filter':
      return { ...state, filtering: true };
    case 'at-risk-only':
      return { ...state, atRiskOnly: !state.atRiskOnly, cursor: { ...state.cursor, vms: 0, matrix: 0 } };
    case 'reset':
      return { ...state, changes: [] };
    case 'drain':
    case 'evict':
      if (state.view !== 'nodes' || !context.selectedNode) return state;
      return whatIf(state, { kind: action, ...context.selectedNode });
    case 'upgrade':
      if (state.view !== 'nodes' || !context.selectedNode) return state;
      return { ...state, overlay: 'release' };
    default:
      return state;
  }
}

/** Typing while the filter is open: printable characters append, Backspace deletes. */
export function typeFilter(state: UiState, input: string, backspace: boolean): UiState {
  const filter = backspace
    ? state.filter.slice(0, -1)
    : state.filter + input.replace(/[^\p{L}\p{N}\-_. ]/gu, '');
  return { ...state, filter, cursor: { nodes: 0, vms: 0, matrix: 0, findings: 0 } };
}
