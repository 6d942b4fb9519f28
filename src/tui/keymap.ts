// Every key the UI understands: one table drives both the handling and the help screen.

export type Action =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'page-up'
  | 'page-down'
  | 'next-view'
  | 'view-nodes'
  | 'view-vms'
  | 'view-matrix'
  | 'view-findings'
  | 'details'
  | 'back'
  | 'filter'
  | 'at-risk-only'
  | 'help'
  | 'quit'
  | 'drain'
  | 'evict'
  | 'upgrade'
  | 'reset';

export interface KeyBinding {
  keys: string;
  action: Action;
  help: string;
}

export const KEYMAP: readonly KeyBinding[] = [
  { keys: '↑ ↓  j k', action: 'down', help: 'move' },
  { keys: '← →  h l', action: 'right', help: 'scroll the matrix sideways' },
  { keys: 'PgUp PgDn', action: 'page-down', help: 'move a page' },
  { keys: 'Tab  1-4', action: 'next-view', help: 'views: 1 Nodes, 2 VMs, 3 Matrix, 4 Findings' },
  { keys: 'Enter', action: 'details', help: 'every reason for the selected node or VM' },
  { keys: 'Esc', action: 'back', help: 'close details, help or the filter' },
  { keys: '/', action: 'filter', help: 'filter by name' },
  { keys: 'f', action: 'at-risk-only', help: 'show only VMs at risk' },
  { keys: 'd', action: 'drain', help: 'what if: drain the selected node (it takes no VMs)' },
  { keys: 'e', action: 'evict', help: 'what if: evict the selected node' },
  { keys: 'u', action: 'upgrade', help: 'what if: upgrade the selected node (then choose a release)' },
  { keys: 'r', action: 'reset', help: 'what if: back to the cluster as it is' },
  { keys: '?', action: 'help', help: 'this help' },
  { keys: 'q  Ctrl-C', action: 'quit', help: 'quit (the report stays in the scrollback)' },
];

export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  ctrl?: boolean;
}

const CHARACTERS: Record<string, Action> = {
  k: 'up',
  j: 'down',
  h: 'left',
  l: 'right',
  '1': 'view-nodes',
  '2': 'view-vms',
  '3': 'view-matrix',
  '4': 'view-findings',
  '/': 'filter',
  f: 'at-risk-only',
  '?': 'help',
  q: 'quit',
  d: 'drain',
  e: 'evict',
  u: 'upgrade',
  r: 'reset',
};

export function actionFor(input: string, key: KeyInfo): Action | null {
  if (key.ctrl && input === 'c') return 'quit';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'page-up';
  if (key.pageDown) return 'page-down';
  if (key.tab) return 'next-view';
  if (key.return) return 'details';
  if (key.escape) return 'back';
  return CHARACTERS[input] ?? null;
}

const SEQUENCES: [string, KeyInfo & { backspace?: boolean }][] = [
  ['\u001b[A', { upArrow: true }],
  ['\u001b[B', { downArrow: true }],
  ['\u001b[C', { rightArrow: true }],
  ['\u001b[D', { leftArrow: true }],
  ['\u001b[5~', { pageUp: true }],
  ['\u001b[6~', { pageDown: true }],
  ['\u001b', { escape: true }],
  ['\r', { return: true }],
  ['\t', { tab: true }],
  ['\u007f', { backspace: true }],
  ['\b', { backspace: true }],
];

/** Keys typed faster than a frame arrive as one chunk ("jj\r"): split it into single key presses. */
export function splitKeys(chunk: string): [string, KeyInfo & { backspace?: boolean }][] {
  const keys: [string, KeyInfo & { backspace?: boolean }][] = [];
  let rest = chunk;
  while (rest.length > 0) {
    const known = SEQUENCES.find(([sequence]) => rest.startsWith(sequence));
    const char = known ? known[0] : (Array.from(rest)[0] ?? '');
    keys.push(known ? ['', known[1]] : [char, {}]);
    rest = rest.slice(char.length);
  }
  return keys;
}
