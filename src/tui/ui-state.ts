// The browsing state and how each action changes it: a pure reducer, tested without a terminal.

import type { Change } from '../analyze/what-if.js';
import type { LtscRelease } from '../domain/releases.js';
import { LTSC_RELEASES } from '../domain/releases.js';
import type { Action } from './keymap.js';
import type { SortState } from './sorting.js';
import { clamp } from './window.js';

export const VIEWS = ['nodes', 'vms', 'matrix', 'findings'] as const;
export type View = (typeof VIEWS)[number];

export type Overlay = 'none' | 'details' | 'help' | 'release' | 'plan';

export interface UiState {
  view: View;
  cursor: Record<View, number>;
  column: number;
  /** Each view's own filter: the Nodes view matches node names, VMs and Matrix VM names, Findings subjects. */
  filter: Record<View, string>;
  filtering: boolean;
  atRiskOnly: boolean;
  /** Each view's sort: which of its keys (sorting.ts), and whether reversed. */
  sort: Record<View, SortState>;
  /** The cluster the Matrix shows, by index. */
  matrixCluster: number;
  overlay: Overlay;
  /** First line shown of a scrolling overlay (details, help). */
  scroll: number;
  changes: Change[];
  /** Print the what-if's plan command after the report on quit (p). */
  printPlan: boolean;
  /** A one-off message for the status line, gone at the next key. */
  notice: string | null;
}

const perView = <T>(value: T): Record<View, T> => ({
  nodes: value,
  vms: value,
  matrix: value,
  findings: value,
});

export const initialUiState: UiState = {
  view: 'nodes',
  cursor: perView(0),
  column: 0,
  filter: perView(''),
  filtering: false,
  atRiskOnly: false,
  sort: perView({ index: 0, reverse: false }),
  matrixCluster: 0,
  overlay: 'none',
  scroll: 0,
  changes: [],
  printPlan: false,
  notice: null,
};

export interface ReduceContext {
  /** Rows the current view lists. */
  rows: number;
  pageSize: number;
  columns: number;
  /** Sort keys of the current view. */
  sorts: number;
  clusters: number;
  /** How far the open details or help can scroll. */
  maxScroll: number;
  /** The node under the cursor in the Nodes view, for what-if keys. */
  selectedNode: { cluster: string; node: string } | null;
}

const VIEW_OF = {
  'view-nodes': 'nodes',
  'view-vms': 'vms',
  'view-matrix': 'matrix',
  'view-findings': 'findings',
} as const satisfies Partial<Record<Action, View>>;

const scrolls = (state: UiState) =>
  state.overlay === 'details' || state.overlay === 'help' || state.overlay === 'plan';

/** Moves the cursor, or scrolls the open details or help. */
function moveTo(state: UiState, row: number, context: ReduceContext): UiState {
  if (scrolls(state)) return { ...state, scroll: clamp(row, 0, context.maxScroll) };
  const cursor = clamp(row, 0, context.rows - 1);
  return { ...state, cursor: { ...state.cursor, [state.view]: cursor } };
}

const move = (state: UiState, by: number, context: ReduceContext) =>
  moveTo(state, (scrolls(state) ? state.scroll : state.cursor[state.view]) + by, context);

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

function chooseRelease(state: UiState, key: string, context: ReduceContext): UiState {
  const release: LtscRelease | undefined = LTSC_RELEASES[Number(key) - 1];
  if (!release || !context.selectedNode) return { ...state, overlay: 'none' };
  return { ...whatIf(state, { kind: 'upgrade', ...context.selectedNode, release }), overlay: 'none' };
}

function switchView(state: UiState, view: View): UiState {
  return { ...state, view, overlay: 'none', scroll: 0 };
}

function setFilter(state: UiState, filter: string): UiState {
  return {
    ...state,
    filter: { ...state.filter, [state.view]: filter },
    cursor: { ...state.cursor, [state.view]: 0 },
  };
}

function toggle(state: UiState, overlay: Overlay): UiState {
  return { ...state, overlay: state.overlay === overlay ? 'none' : overlay, scroll: 0 };
}

/** Esc: close what is open; with nothing open, clear the view's filter. */
function back(state: UiState): UiState {
  if (state.overlay !== 'none') return { ...state, overlay: 'none', scroll: 0 };
  return state.filter[state.view] ? setFilter(state, '') : state;
}

/** Typing in the filter keeps only characters of names. */
export const FILTER_CHARACTERS = /[\p{L}\p{N}\-_. ]/u;

export function reduce(state: UiState, action: Action, context: ReduceContext, key = ''): UiState {
  switch (action) {
    case 'view-nodes':
    case 'view-vms':
    case 'view-matrix':
    case 'view-findings':
      return switchView(state, VIEW_OF[action]);
    case 'up':
      return move(state, -1, context);
    case 'down':
      return move(state, 1, context);
    case 'page-up':
      return move(state, -context.pageSize, context);
    case 'page-down':
      return move(state, context.pageSize, context);
    case 'top':
      return moveTo(state, 0, context);
    case 'bottom':
      return moveTo(state, scrolls(state) ? context.maxScroll : context.rows - 1, context);
    case 'left':
      return { ...state, column: clamp(state.column - 1, 0, context.columns - 1) };
    case 'right':
      return { ...state, column: clamp(state.column + 1, 0, context.columns - 1) };
    case 'next-view':
    case 'previous-view': {
      const by = action === 'next-view' ? 1 : VIEWS.length - 1;
      return switchView(state, VIEWS[(VIEWS.indexOf(state.view) + by) % VIEWS.length] ?? 'nodes');
    }
    case 'details':
      return context.rows > 0 ? toggle(state, 'details') : state;
    case 'help':
      return toggle(state, 'help');
    case 'back':
      return back(state);
    case 'filter':
      return { ...state, filtering: true, overlay: 'none' };
    case 'type':
      return FILTER_CHARACTERS.test(key) ? setFilter(state, state.filter[state.view] + key) : state;
    case 'erase':
      return setFilter(state, state.filter[state.view].slice(0, -1));
    case 'keep-filter':
      return { ...state, filtering: false };
    case 'clear-filter':
      return { ...setFilter(state, ''), filtering: false };
    case 'sort':
    case 'reverse-sort': {
      const { index, reverse } = state.sort[state.view];
      const next =
        action === 'sort'
          ? { index: (index + 1) % Math.max(1, context.sorts), reverse: false }
          : { index, reverse: !reverse };
      return {
        ...state,
        sort: { ...state.sort, [state.view]: next },
        cursor: { ...state.cursor, [state.view]: 0 },
      };
    }
    case 'next-cluster':
      if (state.view !== 'matrix' || context.clusters < 2) return state;
      return {
        ...state,
        matrixCluster: (state.matrixCluster + 1) % context.clusters,
        column: 0,
        cursor: { ...state.cursor, matrix: 0 },
      };
    case 'at-risk-only':
      return { ...state, atRiskOnly: !state.atRiskOnly, cursor: { ...state.cursor, vms: 0, matrix: 0 } };
    case 'reset':
      return {
        ...state,
        changes: [],
        printPlan: false,
        overlay: state.overlay === 'plan' ? 'none' : state.overlay,
      };
    case 'plan':
      if (state.overlay === 'plan') return { ...state, overlay: 'none', printPlan: false };
      if (state.changes.length === 0)
        return { ...state, notice: 'no what-if to plan yet: d, e or u on a node of the Nodes view' };
      return { ...state, overlay: 'plan', printPlan: true, scroll: 0 };
    case 'drain':
    case 'evict':
    case 'upgrade':
      if (state.view !== 'nodes')
        return { ...state, notice: 'd, e and u act on a node of the Nodes view (1)' };
      if (!context.selectedNode) return state;
      return action === 'upgrade'
        ? { ...state, overlay: 'release' }
        : whatIf(state, { kind: action, ...context.selectedNode });
    case 'choose-release':
      return chooseRelease(state, key, context);
    case 'cancel':
      return { ...state, overlay: 'none' };
    case 'quit':
      return state;
  }
}
