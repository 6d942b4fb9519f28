// A command's outputs, checked before it reads or scans anything (outputs.ts says what is checked).

import { outputFile } from './output-pairs.js';
import type { Destination, OutputSpec } from './outputs.js';
import { checkOutputs } from './outputs.js';

export interface PreparedOutputs<F extends string> {
  reports: { format: F; destination: Destination }[];
  snapshot: Destination | null;
}

export async function prepareOutputs<F extends string>(
  specs: readonly OutputSpec[],
  saveSnapshot: string | undefined,
  inputs: readonly { what: string; file: string | undefined }[],
): Promise<PreparedOutputs<F>> {
  const wanted = [
    ...specs.map((s) => ({ what: `${s.format} report`, file: s.file })),
    ...(saveSnapshot ? [{ what: 'snapshot', file: outputFile(saveSnapshot) }] : []),
  ];
  const destinations = await checkOutputs(wanted, inputs);
  return {
    reports: specs.map((s, i) => ({ format: s.format as F, destination: destinations[i] as Destination })),
    snapshot: saveSnapshot ? (destinations[specs.length] ?? null) : null,
  };
}
