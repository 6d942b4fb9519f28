// The help screen and the release chooser, as lines: the help is rendered from the keymap, the one table that
// handling reads too.
import { LTSC_RELEASES, releaseName } from '../domain/releases.js';
import { sanitize } from '../report/sanitize.js';
import { KEYMAP, keyLabel, MODE_TITLE, MODES } from './keymap.js';
import { type Line, plainLine, wrapLine } from './lines.js';
import { padTo } from './marks.js';

const KEY_WIDTH = 16;

export function helpLines(width: number): Line[] {
  return MODES.flatMap((mode, index) => [
    ...(index > 0 ? [[]] : []),
    plainLine(MODE_TITLE[mode], { bold: true }),
    ...KEYMAP.filter((binding) => binding.mode === mode).flatMap((binding) =>
      wrapLine(
        [
          { text: padTo(binding.keys.map(keyLabel).join(' '), KEY_WIDTH), color: 'cyan' },
          { text: ` ${binding.help}` },
        ],
        width,
        KEY_WIDTH + 1,
      ),
    ),
  ]);
}

export function releaseLines(node: string): Line[] {
  return [
    plainLine(`What if ${sanitize(node, 60)} ran another release? (Esc: cancel)`, { bold: true }),
    ...LTSC_RELEASES.map(
      (release, index): Line => [
        { text: String(index + 1), color: 'cyan' },
        { text: ` ${releaseName(release)}` },
      ],
    ),
  ];
}
