import { describe, expect, it } from 'vitest';
import { plainJson, repeatsAKey } from '../../src/config/plain-json.js';

describe('plainJson', () => {
  it('reads JSON objects and arrays, and leaves anything else to the YAML parser', () => {
    expect(plainJson(' \n{"a": [1, {"b": null}]}\n')).toEqual({ data: { a: [1, { b: null }] } });
    expect(plainJson('[]')).toEqual({ data: [] });
    expect(plainJson('clusters: []')).toBeNull();
    expect(plainJson('{a: 1}')).toBeNull();
    expect(plainJson('{"a": 1,}')).toBeNull();
    expect(plainJson('"text"')).toBeNull();
    expect(plainJson('')).toBeNull();
  });

  it('leaves JSON with a repeated key to the YAML parser, which refuses it', () => {
    expect(plainJson('{"a": 1, "a": 2}')).toBeNull();
  });
});

describe('repeatsAKey', () => {
  it.each([
    ['{"a": 1, "a": 2}', true],
    ['{"a": {"b": 1, "b": 2}}', true],
    ['[{"a": 1}, {"a": 2}]', false],
    ['{"a": {"a": 1}, "b": {"a": 2}}', false],
    ['{"a": "a", "b": ["a", "a"]}', false],
    ['{"ab": 1, "a\\u0062": 2}', true],
    ['{"a\\"": 1, "a": 2}', false],
    ['{"x": "}", "x": 1}', true],
    ['{"k": [{"k": 1}], "k2": {"k": 2}}', false],
  ])('%s: %s', (text, expected) => {
    expect(repeatsAKey(text)).toBe(expected);
  });
});
