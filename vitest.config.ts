import { defineConfig } from 'vitest/config';

// ink decides at import whether it runs in CI, and is-in-ci counts CI set to anything but 0 or false, even
// empty, as CI (ink then draws no frame until it exits). UI tests must not run as CI: the workers inherit an
// environment without it.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    env: { FORCE_COLOR: '', NO_COLOR: '' },
  },
});
