/** Where a cluster's node or VM is declared in the input file (line 1-based), or null when it is not. */
export type Locator = (
  cluster: string,
  subject: { node?: string | null; vm?: string | null },
) => { file: string; line: number } | null;
