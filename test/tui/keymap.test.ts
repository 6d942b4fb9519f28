// One table: every key the help shows is handled as it says, and every key handled is in the help.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handleKey, modeOf } from '../../src/tui/handle-key.js';
import { helpLines } from '../../src/tui/help.js';
import {
  type Action,
  KEYMAP,
  type KeyInfo,
  keyLabel,
  keyPresses,
  MODE_TITLE,
  type Mode,
  splitKeys,
} from '../../src/tui/keymap.js';
import { lineText } from '../../src/tui/lines.js';
import { padTo } from '../../src/tui/marks.js';
import { initialUiState, type ReduceContext, type UiState } from '../../src/tui/ui-state.js';

/** What ink hands useInput for a key of the table, as a terminal sends it. */
function asInk(name: string): [string, KeyInfo] {
  const named: Record<string, KeyInfo> = {
    up: { upArrow: true },
    down: { downArrow: true },
    left: { leftArrow: true },
    right: { rightArrow: true },
    pageup: { pageUp: true },
    pagedown: { pageDown: true },
    home: { home: true },
    end: { end: true },
    enter: { return: true },
    escape: { escape: true },
    tab: { tab: true },
    'shift-tab': { tab: true, shift: true },
    backspace: { delete: true },
  };
  if (name === 'ctrl-c') return ['c', { ctrl: true }];
  if (name === 'text') return ['x', {}];
  return named[name] ? ['', named[name]] : [name, {}];
}

const context: ReduceContext = {
  rows: 10,
  pageSize: 4,
  columns: 6,
  maxScroll: 0,
  sorts: 3,
  clusters: 2,
  selectedNode: { cluster: 'c', node: 'N2' },
};

const inMode: Record<Mode, UiState> = {
  browse: initialUiState,
  filter: { ...initialUiState, filtering: true },
  release: { ...initialUiState, overlay: 'release' },
};

/** A state in which the action has something to do. */
function before(action: Action, mode: Mode): UiState {
  const base = inMode[mode];
  const at3 = { ...base, cursor: { ...base.cursor, nodes: 3 } };
  const special: Partial<Record<Action, UiState>> = {
    up: at3,
    'page-up': at3,
    top: at3,
    left: { ...base, column: 2 },
    'next-cluster': { ...base, view: 'matrix' },
    'view-nodes': { ...base, view: 'vms' },
    back: { ...base, overlay: 'help' },
    reset: { ...base, changes: [{ kind: 'drain', cluster: 'c', node: 'N1' }] },
    erase: { ...base, filter: { ...base.filter, nodes: 'ab' } },
    'clear-filter': { ...base, filter: { ...base.filter, nodes: 'ab' } },
  };
  return special[action] ?? base;
}

describe('the keymap', () => {
  const bindings = KEYMAP.flatMap((binding) => binding.keys.map((key) => ({ ...binding, key })));

  it.each(bindings.map((b) => [b.mode, b.key, b.action, b]))('%s: %s does %s', (mode, key, action, b) => {
    const state = before(b.action, b.mode);
    expect(modeOf(state)).toBe(mode);
    const [input, info] = asInk(key);
    const next = handleKey(state, input, info, context);
    if (action === 'quit') expect(next).toBe('quit');
    else expect(next).not.toEqual(state);
  });

  it('the help shows every binding with all its keys, under its mode', () => {
    const help = helpLines(200).map(lineText);
    const titles = Object.values(MODE_TITLE);
    const section = (mode: Mode) => {
      const start = help.indexOf(MODE_TITLE[mode]);
      const end = help.findIndex((text, i) => i > start && titles.includes(text));
      return help.slice(start + 1, end < 0 ? undefined : end);
    };
    for (const binding of KEYMAP) {
      const line = `${padTo(binding.keys.map(keyLabel).join(' '), 16)} ${binding.help}`;
      expect(section(binding.mode), line).toContain(line);
    }
  });

  it("README's terminal UI section names every key", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('## The terminal UI'),
      readme.indexOf('## Scanning over SSH'),
    );
    for (const key of new Set(bindings.map((b) => b.key).filter((key) => key !== 'text')))
      expect(section, key).toContain(`\`${keyLabel(key)}\``);
  });

  it('binds no key twice in one mode', () => {
    const seen = bindings.map((b) => `${b.mode} ${b.key}`);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('a key the table does not bind does nothing', () => {
    expect(handleKey(initialUiState, 'x', {}, context)).toBe(initialUiState);
    expect(handleKey(initialUiState, 'a', { ctrl: true }, context)).toBe(initialUiState);
  });
});

describe('keyPresses', () => {
  it('reads Esc typed just before a key (ink: Alt and the key) as both keys', () => {
    expect(keyPresses('j', { meta: true })).toEqual([
      ['', { escape: true }],
      ['j', {}],
    ]);
    expect(keyPresses('', { escape: true, meta: true })).toEqual([['', { escape: true, meta: true }]]);
    expect(keyPresses('', { upArrow: true, meta: true })).toEqual([['', { upArrow: true, meta: true }]]);
    expect(keyPresses('jj', {})).toEqual([
      ['j', {}],
      ['j', {}],
    ]);
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
    expect(splitKeys('é\t\u001b[Z')).toEqual([
      ['é', {}],
      ['', { tab: true }],
      ['', { tab: true, shift: true }],
    ]);
  });
});
