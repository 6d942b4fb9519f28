import { describe, expect, it } from 'vitest';
import { lineText, wrapLine, wrapText } from '../../src/tui/lines.js';

describe('wrapText', () => {
  it('breaks at the last space that fits, and mid-word only when no space does', () => {
    expect(wrapText('Upgrade the older nodes before the guests', 16)).toEqual([
      'Upgrade the',
      'older nodes',
      'before the',
      'guests',
    ]);
    expect(wrapText('ServerDatacenterEvaluation', 10)).toEqual(['ServerData', 'centerEval', 'uation']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('never returns a line wider than asked', () => {
    const text = 'A host activates guests of its own Windows Server release and older ones only.';
    for (const width of [5, 13, 40])
      for (const line of wrapText(text, width)) expect(line.length).toBeLessThanOrEqual(width);
  });
});

describe('wrapLine', () => {
  it('keeps each character its style and indents the lines after the first', () => {
    const lines = wrapLine(
      [
        { text: 'fail    ', color: 'red' },
        { text: 'HV03 web01 runs Windows Server 2022, which HV03 cannot activate' },
      ],
      30,
      8,
    );
    expect(lines.map(lineText)).toEqual([
      'fail    HV03 web01 runs',
      '        Windows Server 2022,',
      '        which HV03 cannot',
      '        activate',
    ]);
    expect(lines[0]?.[0]).toEqual({ text: 'fail    ', color: 'red' });
    expect(lines[1]?.[1]).toEqual({ text: 'Windows Server 2022,' });
  });
});
