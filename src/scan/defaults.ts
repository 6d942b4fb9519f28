// Scan defaults, apart from the scanner so that --help can show them without loading ssh2.
export const DEFAULT_CONCURRENCY = 16;
