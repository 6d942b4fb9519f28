import { describe, expect, it } from 'vitest';
import { handleKey } from '../../src/tui/browser.js';
import { actionFor, KEYMAP, splitKeys } from '../../src/tui/keymap.js';
import { initialUiState, type ReduceContext, reduce, typeFilter } from '../../src/tui/ui-state.js';

const context: ReduceContext = {
  rows: 10,
  pageSize: 4,
  columns: 6,
  selectedNode: { cluster: 'c', node: 'N2' },
};

describe('keys', () => {
  it.each([
    ['j', {}, 'down'],
    ['k', {}, 'up'],
    ['', { downArrow: true }, 'down'],
    ['', { tab: true }, 'next-view'],
    ['3', {}, 'view-matrix'],
    ['', { return: true }, 'details'],
    ['c', { ctrl: true }, 'quit'],
    ['q', {}, 'quit'],
    ['x', {}, null],
  ] as const)('%s %j is %s', (input, key, action) => {
    expect(actionFor(input, key)).toBe(action);
  });

  it('the help lists every action that keys lead to', () => {
    const helped = new Set(KEYMAP.map((binding) => binding.action));
    for (const action of [
      'details',
      'filter',
      'at-risk-only',
      'drain',
      'evict',
      'upgrade',
      'reset',
      'help',
      'quit',
    ] as const) {
      expect(helped).toContain(action);
    }
  });
});

describe('reduce', () => {
  it('moves within the rows, by one and by a page', () => {
    let state = reduce(initialUiState, 'up', context);
    expect(state.cursor.nodes).toBe(0);
    state = reduce(state, 'page-down', context);
    expect(state.cursor.nodes).toBe(4);
    for (let i = 0; i < 20; i++) state = reduce(state, 'down', context);
    expect(state.cursor.nodes).toBe(9);
  });

  it('switches views by number and by Tab, each keeping its own cursor', () => {
    let state = reduce(reduce(initialUiState, 'down', context), 'view-vms', context);
    expect(state.view).toBe('vms');
    expect(state.cursor).toMatchObject({ nodes: 1, vms: 0 });
    state = reduce(reduce(state, 'next-view', context), 'next-view', context);
    expect(state.view).toBe('findings');
    expect(reduce(state, 'next-view', context).view).toBe('nodes');
  });

  it('drain and evict toggle on the selected node, in the Nodes view only', () => {
    const drained = reduce(initialUiState, 'drain', context);
    expect(drained.changes).toEqual([{ kind: 'drain', cluster: 'c', node: 'N2' }]);
    expect(reduce(drained, 'drain', context).changes).toEqual([]);
    expect(reduce({ ...initialUiState, view: 'vms' }, 'evict', context).changes).toEqual([]);
    expect(reduce(reduce(drained, 'evict', context), 'reset', context).changes).toEqual([]);
  });

  it('upgrade asks for a release, then records it', () => {
    const asking = reduce(initialUiState, 'upgrade', context);
    expect(asking.overlay).toBe('release');
    const chosen = handleKey(asking, '5', {}, context);
    expect(chosen !== 'quit' && chosen.changes).toEqual([
      { kind: 'upgrade', cluster: 'c', node: 'N2', release: '2025' },
    ]);
    expect(chosen !== 'quit' && chosen.overlay).toBe('none');
  });

  it('the filter takes typed text until Enter or Esc; q types, it does not quit', () => {
    let state = handleKey(initialUiState, '/', {}, context);
    for (const char of 'web q') if (state !== 'quit') state = handleKey(state, char, {}, context);
    expect(state !== 'quit' && state.filter).toBe('web q');
    if (state !== 'quit') state = handleKey(state, '', { backspace: true }, context);
    if (state !== 'quit') state = handleKey(state, '', { return: true }, context);
    expect(state).toMatchObject({ filter: 'web ', filtering: false });
    expect(handleKey(initialUiState, 'q', {}, context)).toBe('quit');
  });

  it('the filter keeps only name characters', () => {
    expect(typeFilter(initialUiState, '\u001b[31mab', false).filter).toBe('31mab');
  });
});

describe('splitKeys', () => {
  it('splits a burst of keys, keeping escape sequences whole', () => {
    expect(splitKeys('jj\r')).toEqual([
      ['j', {}],
      ['j', {}],
      ['', { return: true }],
    ]);
    expect(splitKeys('\u001b[Bd\u001b')).toEqual([
      ['', { downArrow: true }],
      ['d', {}],
      ['', { escape: true }],
    ]);
    expect(splitKeys('é\t')).toEqual([
      ['é', {}],
      ['', { tab: true }],
    ]);
  });
});
