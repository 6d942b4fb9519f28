import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/config/dates.js';

describe('parseDate', () => {
  it.each([
    ['2027-01-31', '2027-01-31T00:00:00.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['2027-01-31T12:30:00Z', '2027-01-31T12:30:00.000Z'],
    ['2027-01-31T12:30:00+02:00', '2027-01-31T10:30:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-01-01T24:00:00Z',
    '31.01.2027',
    'soon',
    '',
  ])('refuses %j instead of rolling it over', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});
