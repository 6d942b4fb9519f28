import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    // ink decides at import whether it runs in CI; UI tests must not inherit CI=true.
    env: { CI: '', FORCE_COLOR: '', NO_COLOR: '' },
  },
});
