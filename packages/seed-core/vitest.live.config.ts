import base from '../../vitest.base.ts';

// `npm run test:live`: cross-checks against python3 + numpy (run by CI only when they are present).
export default {
  ...base,
  test: { ...base.test, include: ['test-live/**/*.test.ts'], reporters: ['default'] },
};
