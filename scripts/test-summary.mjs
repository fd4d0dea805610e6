// Prints `N passed, N failed` from Vitest's JSON report (CI reads this line, not Vitest's own).
// A test file that fails to load has no failed test of its own: it counts as one failure.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-output/vitest.json';
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const brokenFiles = (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed`);
  if (!report.success) process.exitCode = 1;
} catch {
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
