// Which slice of a long list is on screen: only visible rows are rendered, so 8,000 VMs stay fast.

export interface Window {
  start: number;
  end: number;
}

/** A window of `size` rows that keeps `cursor` in view, scrolling as little as possible from `previousStart`. */
export function visibleWindow(total: number, cursor: number, size: number, previousStart = 0): Window {
  if (total <= 0 || size <= 0) return { start: 0, end: 0 };
  const clamped = Math.min(Math.max(cursor, 0), total - 1);
  let start = Math.min(Math.max(previousStart, 0), Math.max(total - size, 0));
  if (clamped < start) start = clamped;
  if (clamped >= start + size) start = clamped - size + 1;
  return { start, end: Math.min(total, start + size) };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
