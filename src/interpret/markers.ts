// The lines that frame the collector's result in its output: everything outside them (banners, profile noise,
// CLIXML) is ignored. The collector script prints the same strings.
export const BEGIN_MARKER = 'AVMA-CHECK-BEGIN-9c1e';
export const END_MARKER = 'AVMA-CHECK-END-9c1e';
/** Before the begin marker: the computer whose document follows (in output gathered by PowerShell remoting). */
export const NODE_MARKER = 'AVMA-CHECK-NODE';
