import { defineRule } from './types.js';

export default defineRule({
  id: 'guest-unknown',
  severity: 'unknown',
  title: 'Guest OS is not known',
  explanation:
    'Which Windows Server release a VM runs decides which hosts can activate it. It is read from the ' +
    "guest's Key-Value Pair Exchange data, which is empty while the VM is off or has integration services " +
    'missing. avma-check assumes such a VM uses AVMA and cannot judge it.',
  remedy:
    'Start the VM, or declare its guest in clusters.yaml (guest: { release: "2022" }); declare ' +
    'activation: other for VMs that do not use AVMA.',
  checkVm: ({ vm }) => {
    const guest = vm.guest;
    if (guest && (guest.release !== null || guest.build !== null)) return undefined;
    const what = guest?.name ? `release of "${guest.name}" unknown` : 'guest OS unknown';
    return { message: `${vm.name}: ${what}` };
  },
});
