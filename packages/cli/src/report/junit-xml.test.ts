import { describe, expect, it } from "vitest";
import { emptyHits } from "../coverage/coverage-tracker";
import type { TestFileResult } from "../test-runner/run-test-file";
import { junitXml } from "./junit-xml";
import { xmlEscape } from "./xml-escape";

const results: TestFileResult[] = [
  {
    file: "a.test.yaml",
    absolutePath: "/w/a.test.yaml",
    flow: null,
    problems: [],
    conversations: [
      { name: "books <fast> & \"well\"", passed: true, turns: 2, failure: null, durationMs: 12, hits: emptyHits(), transcript: ["user: hi", "bot: Hello"] },
      {
        name: "fails",
        passed: false,
        turns: 1,
        failure: { turn: 1, input: '"x"', mismatch: { field: "node", expected: "node a", actual: "node b" }, message: 'turn 1 "x": expected node a, got node b' },
        durationMs: 3,
        hits: emptyHits(),
        transcript: [],
      },
    ],
  },
  { file: "broken.test.yaml", absolutePath: "/w/broken.test.yaml", flow: null, problems: ["broken.test.yaml: /flow: required"], conversations: [] },
];

describe("junitXml", () => {
  it("writes one suite per file, one case per conversation, failures and load errors", () => {
    const xml = junitXml(results, 1500);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="voxchart" tests="3" failures="1" errors="1" time="1.500">/);
    expect(xml).toContain('<testsuite name="a.test.yaml" tests="2" failures="1" errors="0" skipped="0" time="0.015">');
    expect(xml).toContain('<testcase classname="a.test.yaml" name="books &lt;fast&gt; &amp; &quot;well&quot;" time="0.012">');
    expect(xml).toContain('<failure message="turn 1 &quot;x&quot;: expected node a, got node b" type="node">');
    expect(xml).toContain('<testcase classname="broken.test.yaml" name="(load)" time="0.000">');
    expect(xml).toContain('<error message="broken.test.yaml: /flow: required">');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml.trimEnd().endsWith("</testsuites>")).toBe(true);
  });

  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xmlEscape(`<a href='x'>&\u0001</a>`)).toBe("&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;");
  });
});
