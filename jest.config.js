/**
 * Two projects. `quick` is the everyday loop (`npm run test:quick`, on both cores: jest's default
 * leaves one of two idle): unit, contract and parity tests, under a minute. `slow` holds what
 * drives real programs or very large workbooks (Chromium, LibreOffice, openpyxl, child processes
 * of the CLI, the webpack build, the 50 000-objective Office double run).
 * `npm test` (and so CI) runs both; nothing is ever skipped.
 * @type {import('jest').Config}
 */
const SLOW = [
  '<rootDir>/test/e2e/',
  '<rootDir>/test/corpus/',
  '<rootDir>/test/build/build.test.ts',
  '<rootDir>/test/workbook/office/large.test.ts',
  '<rootDir>/test/formulas/semantics.test.ts',
  '<rootDir>/test/workbook/hostile.test.ts',
  '<rootDir>/test/workbook/xlsxNamespaces.test.ts',
  '<rootDir>/test/cli/files.test.ts',
  '<rootDir>/test/report/relazione.test.ts',
  '<rootDir>/test/workbook/xlsxTrendChart.test.ts',
  '<rootDir>/test/cli/print.test.ts',
  '<rootDir>/test/cli/userFiles.test.ts',
  '<rootDir>/test/workbook/legacyPageXlsx.test.ts',
];

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    // Type checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles.
    '^.+\\.tsx?$': 'ts-jest',
  },
  setupFiles: ['<rootDir>/test/setup/fastCheck.ts', '<rootDir>/test/setup/dom.ts'],
};

const slowMatch = (dir) => (dir.endsWith('/') ? `${dir}**/*.test.ts` : dir);

module.exports = {
  // A global option: jest reads it here, not in a project.
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'quick',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...SLOW],
    },
    {
      ...shared,
      displayName: 'slow',
      testMatch: SLOW.map(slowMatch),
    },
  ],
};
