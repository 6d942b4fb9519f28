import { describe, expect, it } from 'vitest';
import { handleKey } from '../../src/tui/handle-key.js';
import { initialUiState, type ReduceContext, reduce, type UiState } from '../../src/tui/ui-state.js';

const context: ReduceContext = {
  rows: 10,
  pageSize: 4,
  columns: 6,
  maxScroll: 7,
  sorts: 3,
  clusters: 2,
  selectedNode: { cluster: 'c', node: 'N2' },
};

function typed(state: UiState, keys: string): UiState {
  let next: UiState | 'quit' = state;
  for (const char of keys) if (next !== 'quit') next = handleKey(next, char, {}, context);
  if (next === 'quit') throw new Error('quit');
  return next;
}

describe('reduce', () => {
  it('moves within the rows, by one, by a page and to either end', () => {
    let state = reduce(initialUiState, 'up', context);
    expect(state.cursor.nodes).toBe(0);
    state = reduce(state, 'page-down', context);
    expect(state.cursor.nodes).toBe(4);
    for (let i = 0; i < 20; i++) state = reduce(state, 'down', context);
    expect(state.cursor.nodes).toBe(9);
    expect(reduce(state, 'top', context).cursor.nodes).toBe(0);
    expect(reduce(initialUiState, 'bottom', context).cursor.nodes).toBe(9);
  });

  it('in details and help, moving scrolls them instead, within their length', () => {
    let state = reduce(initialUiState, 'help', context);
    state = reduce(reduce(state, 'down', context), 'down', context);
    expect(state).toMatchObject({ scroll: 2, cursor: { nodes: 0 } });
    expect(reduce(state, 'bottom', context).scroll).toBe(7);
    expect(reduce(reduce(state, 'page-down', context), 'page-down', context).scroll).toBe(7);
    expect(reduce(state, 'help', context)).toMatchObject({ overlay: 'none', scroll: 0 });
  });

  it('switches views by number, Tab and Shift-Tab, each keeping its own cursor', () => {
    let state = reduce(reduce(initialUiState, 'down', context), 'view-vms', context);
    expect(state.view).toBe('vms');
    expect(state.cursor).toMatchObject({ nodes: 1, vms: 0 });
    state = reduce(reduce(state, 'next-view', context), 'next-view', context);
    expect(state.view).toBe('findings');
    expect(reduce(state, 'next-view', context).view).toBe('nodes');
    expect(reduce(initialUiState, 'previous-view', context).view).toBe('findings');
  });

  it('s cycles the sort keys of the view, S reverses, and each starts from the first row', () => {
    const moved = { ...initialUiState, cursor: { ...initialUiState.cursor, nodes: 5 } };
    let state = reduce(moved, 'sort', context);
    expect(state.sort.nodes).toEqual({ index: 1, reverse: false });
    expect(state.cursor.nodes).toBe(0);
    state = reduce(state, 'reverse-sort', context);
    expect(state.sort.nodes).toEqual({ index: 1, reverse: true });
    state = reduce(reduce(state, 'sort', context), 'sort', context);
    expect(state.sort.nodes).toEqual({ index: 0, reverse: false });
    expect(state.sort.vms).toEqual({ index: 0, reverse: false });
  });

  it('c shows the next cluster in the Matrix, and nothing elsewhere', () => {
    const matrix = { ...initialUiState, view: 'matrix' as const, column: 3 };
    const next = reduce(matrix, 'next-cluster', context);
    expect(next).toMatchObject({ matrixCluster: 1, column: 0 });
    expect(reduce(next, 'next-cluster', context).matrixCluster).toBe(0);
    expect(reduce(initialUiState, 'next-cluster', context)).toBe(initialUiState);
  });

  it('drain and evict toggle on the selected node, in the Nodes view only', () => {
    const drained = reduce(initialUiState, 'drain', context);
    expect(drained.changes).toEqual([{ kind: 'drain', cluster: 'c', node: 'N2' }]);
    expect(reduce(drained, 'drain', context).changes).toEqual([]);
    expect(reduce({ ...initialUiState, view: 'vms' }, 'evict', context)).toMatchObject({
      changes: [],
      notice: 'd, e and u act on a node of the Nodes view (1)',
    });
    expect(reduce(reduce(drained, 'evict', context), 'reset', context).changes).toEqual([]);
  });

  it('upgrade asks for a release, then records it; Esc cancels', () => {
    const asking = reduce(initialUiState, 'upgrade', context);
    expect(asking.overlay).toBe('release');
    const chosen = handleKey(asking, '5', {}, context);
    expect(chosen !== 'quit' && chosen.changes).toEqual([
      { kind: 'upgrade', cluster: 'c', node: 'N2', release: '2025' },
    ]);
    expect(chosen !== 'quit' && chosen.overlay).toBe('none');
    expect(handleKey(asking, '', { escape: true }, context)).toMatchObject({ overlay: 'none', changes: [] });
  });
});

describe('the filter', () => {
  it('takes typed text until Enter; q types, it does not quit', () => {
    let state = typed(handleKey(initialUiState, '/', {}, context) as UiState, 'web q');
    expect(state.filter.nodes).toBe('web q');
    state = handleKey(state, '', { delete: true }, context) as UiState;
    state = handleKey(state, '', { return: true }, context) as UiState;
    expect(state).toMatchObject({ filter: { nodes: 'web ' }, filtering: false });
    expect(handleKey(initialUiState, 'q', {}, context)).toBe('quit');
  });

  it('Esc while typing clears it; Esc after Enter clears it too, once details are closed', () => {
    const typing = typed(handleKey(initialUiState, '/', {}, context) as UiState, 'web');
    expect(handleKey(typing, '', { escape: true }, context)).toMatchObject({
      filtering: false,
      filter: { nodes: '' },
    });
    const kept = { ...typing, filtering: false, overlay: 'details' as const };
    const closed = handleKey(kept, '', { escape: true }, context) as UiState;
    expect(closed).toMatchObject({ overlay: 'none', filter: { nodes: 'web' } });
    expect(handleKey(closed, '', { escape: true }, context)).toMatchObject({ filter: { nodes: '' } });
  });

  it('belongs to the view it was typed in, and starts that view from its first row', () => {
    const vms = { ...initialUiState, view: 'vms' as const, cursor: { ...initialUiState.cursor, vms: 5 } };
    const state = typed(handleKey(vms, '/', {}, context) as UiState, 'db');
    expect(state.filter).toEqual({ nodes: '', vms: 'db', matrix: '', findings: '' });
    expect(state.cursor.vms).toBe(0);
  });

  it('keeps only name characters', () => {
    const state = typed({ ...initialUiState, filtering: true }, '\u001b[31mab');
    expect(state.filter.nodes).toBe('31mab');
  });
});
