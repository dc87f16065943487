import type { TestFileResult } from "../test-runner/run-test-file";
import { xmlEscape } from "./xml-escape";

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * JUnit XML as CI servers read it: one <testsuite> per test file, one <testcase> per
 * conversation, a <failure> with the first mismatch, the transcript in <system-out>.
 */
export function junitXml(results: readonly TestFileResult[], totalMs: number): string {
  const all = results.flatMap((r) => r.conversations);
  const broken = results.filter((r) => r.problems.length).length;
  const failures = all.filter((c) => !c.passed).length;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="voxchart" tests="${all.length + broken}" failures="${failures}" errors="${broken}" time="${seconds(totalMs)}">`,
  ];
  for (const r of results) {
    const time = r.conversations.reduce((t, c) => t + c.durationMs, 0);
    const suiteFailures = r.conversations.filter((c) => !c.passed).length;
    const cls = xmlEscape(r.file);
    lines.push(
      `  <testsuite name="${cls}" tests="${r.conversations.length + (r.problems.length ? 1 : 0)}" failures="${suiteFailures}" errors="${r.problems.length ? 1 : 0}" skipped="0" time="${seconds(time)}">`,
    );
    if (r.problems.length) {
      lines.push(`    <testcase classname="${cls}" name="(load)" time="0.000">`);
      lines.push(`      <error message="${xmlEscape(r.problems[0] ?? "")}">${xmlEscape(r.problems.join("\n"))}</error>`);
      lines.push(`    </testcase>`);
    }
    for (const c of r.conversations) {
      lines.push(`    <testcase classname="${cls}" name="${xmlEscape(c.name)}" time="${seconds(c.durationMs)}">`);
      if (c.failure) lines.push(`      <failure message="${xmlEscape(c.failure.message)}" type="${c.failure.mismatch.field}">${xmlEscape(c.failure.message)}</failure>`);
      lines.push(`      <system-out>${xmlEscape(c.transcript.join("\n"))}</system-out>`);
      lines.push(`    </testcase>`);
    }
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`, "");
  return lines.join("\n");
}
