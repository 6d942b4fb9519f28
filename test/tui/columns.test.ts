import { describe, expect, it } from 'vitest';
import { type ColumnSpec, fitColumns } from '../../src/tui/columns.js';
import { NODE_COLUMNS } from '../../src/tui/nodes-view.js';
import { vmColumns } from '../../src/tui/vms-view.js';

const VM_COLUMNS = vmColumns(false, false);

const shown = (specs: readonly ColumnSpec[], width: number) =>
  Object.fromEntries(fitColumns(specs, width).map((c) => [c.key, c.width]));

const total = (specs: readonly ColumnSpec[], width: number) => {
  const fitted = fitColumns(specs, width);
  return fitted.reduce((sum, c) => sum + c.width, 0) + fitted.length - 1;
};

describe('fitColumns', () => {
  const specs: ColumnSpec[] = [
    { key: 'name', header: 'name', min: 6, ideal: 12, priority: 0 },
    { key: 'notes', header: 'notes', min: 10, ideal: 20, priority: 3, flex: true },
    { key: 'state', header: 'state', min: 5, ideal: 8, priority: 1 },
    { key: 'extra', header: 'extra', min: 5, ideal: 6, priority: 2 },
  ];

  it('drops the least important columns until the rest fit, keeping their order', () => {
    expect(Object.keys(shown(specs, 100))).toEqual(['name', 'notes', 'state', 'extra']);
    expect(Object.keys(shown(specs, 25))).toEqual(['name', 'state', 'extra']);
    expect(Object.keys(shown(specs, 15))).toEqual(['name', 'state']);
    expect(Object.keys(shown(specs, 3))).toEqual(['name']);
  });

  it('grows columns to their ideal width by importance, then gives the rest to the flexible one', () => {
    expect(shown(specs, 30)).toEqual({ name: 7, notes: 10, state: 5, extra: 5 });
    expect(shown(specs, 60)).toEqual({ name: 12, notes: 31, state: 8, extra: 6 });
    expect(total(specs, 60)).toBe(60);
  });
});

describe('the Nodes and VMs columns', () => {
  it.each([
    [60, ['node', 'failing', 'state', 'release', 'problems']],
    [80, ['node', 'failing', 'state', 'release', 'edition', 'problems']],
    [100, ['node', 'failing', 'state', 'release', 'edition', 'activation', 'problems']],
    [160, ['node', 'failing', 'state', 'release', 'edition', 'activation', 'hyperV', 'problems']],
  ])('Nodes at %i columns: %j, VMs failing and state kept', (width, keys) => {
    expect(Object.keys(shown(NODE_COLUMNS, width - 2))).toEqual(keys);
    expect(total(NODE_COLUMNS, width - 2)).toBeLessThanOrEqual(width - 2);
  });

  it.each([
    [60, ['vm', 'verdict', 'where', 'guest', 'owner']],
    [80, ['vm', 'verdict', 'where', 'guest', 'owner']],
    [100, ['vm', 'verdict', 'where', 'guest', 'owner']],
    [160, ['vm', 'verdict', 'where', 'guest', 'owner']],
  ])('VMs at %i columns: %j', (width, keys) => {
    expect(Object.keys(shown(VM_COLUMNS, width - 2))).toEqual(keys);
    expect(total(VM_COLUMNS, width - 2)).toBeLessThanOrEqual(width - 2);
  });

  it('during a what-if, what it changed outlasts where the VM runs', () => {
    const whatIf = vmColumns(false, true);
    expect(Object.keys(shown(whatIf, 78))).toEqual(['vm', 'verdict', 'change', 'where', 'guest', 'owner']);
    expect(Object.keys(shown(whatIf, 58))).toEqual(['vm', 'verdict', 'change', 'where', 'guest']);
    expect(shown(whatIf, 58)).toMatchObject({ change: 13 });
  });

  it('"activatable on" outlasts the guest and where the VM runs', () => {
    expect(Object.keys(shown(VM_COLUMNS, 38))).toEqual(['vm', 'verdict', 'where']);
    expect(shown(VM_COLUMNS, 78)).toMatchObject({ vm: 20, verdict: 14, where: 14 });
  });
});
