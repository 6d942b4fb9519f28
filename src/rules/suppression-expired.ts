import { defineRule } from './types.js';

export default defineRule({
  id: 'suppression-expired',
  severity: 'warning',
  title: 'A suppression in the ignore file has expired',
  explanation:
    'An entry of the ignore file carries an expiry date that has passed, so it no longer accepts anything: the ' +
    'findings it covered count again. It is reported so that a lapsed exception is renewed or removed on ' +
    'purpose, never forgotten.',
  remedy: 'Fix what the entry accepted, or give it a new expiry date with a reason, or delete the entry.',
  raisedBy: 'each entry of the ignore file',
});
