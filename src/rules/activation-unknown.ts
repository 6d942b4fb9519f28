import { defineRule } from './types.js';

export default defineRule({
  id: 'activation-unknown',
  severity: 'unknown',
  title: 'VM would lose activation, if it uses AVMA',
  explanation:
    'The config says it is not known whether this VM is activated by AVMA (activation: unknown, for the VM, by ' +
    'a VM name pattern or as the default). avma-check judges it as if it used AVMA, and it would lose ' +
    'activation on some nodes it can land on; because it may as well be activated by KMS or MAK, those ' +
    'nodes are unknown for it rather than failing.',
  remedy:
    'Find out how the VM is activated (in the guest, slmgr /dlv shows a VIRTUAL_MACHINE_ACTIVATION channel ' +
    'for AVMA) and declare activation: avma or other for it, or fix the nodes it would fail on.',
  raisedBy: 'each VM whose activation is unknown and that would fail on a node it can land on',
});

export function activationUnknownMessage(vm: string, nodes: readonly string[]): string {
  return `${vm} would lose activation on ${nodes.join(', ')} if it uses AVMA; whether it does is not known`;
}
