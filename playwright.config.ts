import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/helpers/cliBuilt.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Playwright empties test-results/ at every start: the JSON report lives elsewhere.
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    launchOptions: { executablePath: '/usr/bin/chromium' },
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    // A trace records every step of every test, screencast included: a third of the suite's
    // processor time on a two-core machine. Ask for one when a test needs looking into:
    // `npx playwright test --trace retain-on-failure`.
    trace: 'off',
  },
});
