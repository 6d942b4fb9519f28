import { describe, expect, it } from 'vitest';
import { visibleWindow } from '../../src/tui/window.js';

describe('visibleWindow', () => {
  it('shows everything that fits', () => {
    expect(visibleWindow(5, 2, 10)).toEqual({ start: 0, end: 5 });
  });

  it('keeps the cursor in view, scrolling as little as possible', () => {
    expect(visibleWindow(8000, 0, 20)).toEqual({ start: 0, end: 20 });
    expect(visibleWindow(8000, 25, 20)).toEqual({ start: 6, end: 26 });
    expect(visibleWindow(8000, 25, 20, 10)).toEqual({ start: 10, end: 30 });
    expect(visibleWindow(8000, 5, 20, 10)).toEqual({ start: 5, end: 25 });
    expect(visibleWindow(8000, 7999, 20)).toEqual({ start: 7980, end: 8000 });
  });

  it('is empty for nothing to show', () => {
    expect(visibleWindow(0, 0, 20)).toEqual({ start: 0, end: 0 });
    expect(visibleWindow(10, 3, 0)).toEqual({ start: 0, end: 0 });
  });
});
