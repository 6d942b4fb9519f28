// Every key the UI understands, in one table: handleKey looks keys up in it and the help screen is rendered
// from it, so a key cannot be handled without being in the help, nor helped without being handled.

export const MODES = ['browse', 'filter', 'release'] as const;
export type Mode = (typeof MODES)[number];

export type Action =
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'top'
  | 'bottom'
  | 'left'
  | 'right'
  | 'next-view'
  | 'previous-view'
  | 'view-nodes'
  | 'view-vms'
  | 'view-matrix'
  | 'view-findings'
  | 'details'
  | 'back'
  | 'filter'
  | 'at-risk-only'
  | 'sort'
  | 'reverse-sort'
  | 'next-cluster'
  | 'drain'
  | 'evict'
  | 'upgrade'
  | 'reset'
  | 'plan'
  | 'help'
  | 'quit'
  | 'type'
  | 'erase'
  | 'keep-filter'
  | 'clear-filter'
  | 'choose-release'
  | 'cancel';

/** A key as the table names it: a printable character itself, or one of these names. */
export type KeyName = string;

const NAMED = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  'shift-tab': 'Shift-Tab',
  backspace: 'Backspace',
  'ctrl-c': 'Ctrl-C',
  /** Any printable character (the filter takes letters, digits, - _ . and space). */
  text: 'letters',
} as const;

export interface KeyBinding {
  readonly mode: Mode;
  readonly keys: readonly KeyName[];
  readonly action: Action;
  readonly help: string;
}

const browse = (keys: KeyName[], action: Action, help: string): KeyBinding => ({
  mode: 'browse',
  keys,
  action,
  help,
});

export const KEYMAP: readonly KeyBinding[] = [
  browse(['up', 'k'], 'up', 'move up (in details and help: scroll)'),
  browse(['down', 'j'], 'down', 'move down (in details and help: scroll)'),
  browse(['pageup'], 'page-up', 'a page up'),
  browse(['pagedown'], 'page-down', 'a page down'),
  browse(['home', 'g'], 'top', 'first row'),
  browse(['end', 'G'], 'bottom', 'last row'),
  browse(['left', 'h'], 'left', 'Matrix: scroll the nodes left'),
  browse(['right', 'l'], 'right', 'Matrix: scroll the nodes right'),
  browse(['1'], 'view-nodes', 'Nodes view'),
  browse(['2'], 'view-vms', 'VMs view'),
  browse(['3'], 'view-matrix', 'Matrix view (VMs x nodes of one cluster)'),
  browse(['4'], 'view-findings', 'Findings view (every finding, by rule)'),
  browse(['tab'], 'next-view', 'next view'),
  browse(['shift-tab'], 'previous-view', 'previous view'),
  browse(['c'], 'next-cluster', 'Matrix: the next cluster (the Matrix shows one cluster at a time)'),
  browse(['enter'], 'details', "details of the selected node or VM (Findings: the finding's VM or node)"),
  browse(['escape'], 'back', 'close details, help or the plan command; else clear the filter'),
  browse(
    ['/'],
    'filter',
    'filter this view by name (Nodes: node names, VMs and Matrix: VM names, Findings: node or VM)',
  ),
  browse(['f'], 'at-risk-only', 'VMs and Matrix: only VMs at risk'),
  browse(['s'], 'sort', 'sort by the next column (the header marks it)'),
  browse(['S'], 'reverse-sort', 'reverse the sort'),
  browse(['d'], 'drain', 'what if: drain the selected node (it takes no VMs); again to undo'),
  browse(['e'], 'evict', 'what if: evict the selected node from its cluster (it leaves the list; r resets)'),
  browse(['u'], 'upgrade', 'what if: upgrade the selected node (then choose a release)'),
  browse(['r'], 'reset', 'what if: back to the clusters as they are'),
  browse(
    ['p'],
    'plan',
    'what if: show it as an `avma-check plan` command, printed after the report on quit (p again: not printed)',
  ),
  browse(['?'], 'help', 'this help'),
  browse(['q', 'ctrl-c'], 'quit', 'quit (the plain report stays in the scrollback)'),
  { mode: 'filter', keys: ['text'], action: 'type', help: 'add to the filter' },
  { mode: 'filter', keys: ['up'], action: 'up', help: 'move up' },
  { mode: 'filter', keys: ['down'], action: 'down', help: 'move down' },
  { mode: 'filter', keys: ['backspace'], action: 'erase', help: 'delete the last character' },
  { mode: 'filter', keys: ['enter'], action: 'keep-filter', help: 'keep the filter and browse' },
  { mode: 'filter', keys: ['escape'], action: 'clear-filter', help: 'clear the filter' },
  { mode: 'filter', keys: ['ctrl-c'], action: 'quit', help: 'quit' },
  { mode: 'release', keys: ['1', '2', '3', '4', '5'], action: 'choose-release', help: 'that release' },
  { mode: 'release', keys: ['escape'], action: 'cancel', help: 'no upgrade' },
  { mode: 'release', keys: ['ctrl-c'], action: 'quit', help: 'quit' },
];

export const MODE_TITLE: Record<Mode, string> = {
  browse: 'Keys',
  filter: 'While typing a filter (after /)',
  release: 'Choosing a release (after u)',
};

/** How the help screen spells a key. */
export function keyLabel(key: KeyName): string {
  return (NAMED as Record<string, string>)[key] ?? key;
}

/** What ink reports for one key press; the fields the table needs. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

const FLAGS: [keyof KeyInfo, KeyName][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'escape'],
  ['backspace', 'backspace'],
  // Most terminals send DEL (0x7f) for Backspace, which ink reports as delete.
  ['delete', 'backspace'],
];

/** The table's name for what ink reported, or null for a key the table cannot name. */
export function keyName(input: string, key: KeyInfo): KeyName | null {
  if (key.ctrl) return input === 'c' ? 'ctrl-c' : null;
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  for (const [flag, name] of FLAGS) if (key[flag]) return name;
  return Array.from(input).length === 1 && !/\p{C}/u.test(input) ? input : null;
}

const byKey = new Map<string, Action>();
for (const binding of KEYMAP) {
  for (const key of binding.keys) byKey.set(`${binding.mode}\u0000${key}`, binding.action);
}

/** The action of a key in a mode; in the filter, any printable character types. */
export function actionFor(mode: Mode, name: KeyName | null): Action | null {
  if (name === null) return null;
  const action = byKey.get(`${mode}\u0000${name}`);
  if (action) return action;
  const printable = Array.from(name).length === 1;
  return printable ? (byKey.get(`${mode}\u0000text`) ?? null) : null;
}

const SEQUENCES: [string, KeyInfo][] = [
  ['\u001b[A', { upArrow: true }],
  ['\u001b[B', { downArrow: true }],
  ['\u001b[C', { rightArrow: true }],
  ['\u001b[D', { leftArrow: true }],
  ['\u001b[5~', { pageUp: true }],
  ['\u001b[6~', { pageDown: true }],
  ['\u001b[H', { home: true }],
  ['\u001b[F', { end: true }],
  ['\u001b[1~', { home: true }],
  ['\u001b[4~', { end: true }],
  ['\u001b[Z', { tab: true, shift: true }],
  ['\u001b', { escape: true }],
  ['\r', { return: true }],
  ['\t', { tab: true }],
  ['\u007f', { backspace: true }],
  ['\b', { backspace: true }],
  ['\u0003', { ctrl: true }],
];

/** Keys typed faster than a frame arrive as one chunk ("jj\r"): split it into single key presses. */
export function splitKeys(chunk: string): [string, KeyInfo][] {
  const keys: [string, KeyInfo][] = [];
  let rest = chunk;
  while (rest.length > 0) {
    const known = SEQUENCES.find(([sequence]) => rest.startsWith(sequence));
    const char = known ? known[0] : (Array.from(rest)[0] ?? '');
    keys.push(known ? [known[1].ctrl ? 'c' : '', known[1]] : [char, {}]);
    rest = rest.slice(char.length);
  }
  return keys;
}

/**
 * The key presses in what ink reported: a burst split up, and Esc typed just before a key (which terminals send
 * as one chunk that ink reads as Alt and the key) as the two keys. No key is bound with Alt.
 */
export function keyPresses(input: string, key: KeyInfo): [string, KeyInfo][] {
  if (input.length > 1 && !key.ctrl && !key.meta) return splitKeys(input);
  if (key.meta && !key.escape && !key.ctrl && Array.from(input).length === 1)
    return [
      ['', { escape: true }],
      [input, {}],
    ];
  return [[input, key]];
}
