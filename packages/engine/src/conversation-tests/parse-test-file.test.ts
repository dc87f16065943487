import { describe, expect, it } from "vitest";
import { formatTestFileProblem, parseTestFile } from "./parse-test-file";

const valid = `flow: ./restaurant.flow.json
now: "2026-11-25T09:00:00Z"
tools:
  book_table: { result: "R1", latencyMs: 200 }
  check_availability:
    - { error: "down" }
    - { result: { available: true } }
conversations:
  - name: books
    turns:
      - bot: Welcome
        node: ask
      - user: tomorrow at 7 pm
        bot: [How many people?]
        vars: { date: "2026-11-26" }
      - silence: true
        filler: false
        ended: false
`;

describe("parseTestFile", () => {
  it("reads a valid YAML test file", () => {
    const result = parseTestFile(valid, "restaurant.test.yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.testFile.conversations[0]?.turns).toHaveLength(3);
    expect(result.testFile.tools?.check_availability).toEqual([{ error: "down" }, { result: { available: true } }]);
  });

  it("reads the same file as JSON", () => {
    const json = JSON.stringify({ flow: "f.flow.json", conversations: [{ name: "c", turns: [{ user: "hi", bot: "/hello/i" }] }] });
    expect(parseTestFile(json, "c.test.json").ok).toBe(true);
  });

  it("names the file, the path and the line of a value of the wrong type", () => {
    const text = valid.replace("- user: tomorrow at 7 pm", "- user: 7");
    const result = parseTestFile(text, "restaurant.test.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatTestFileProblem)).toEqual(["restaurant.test.yaml:13: /conversations/0/turns/1/user: expected a string, got a number"]);
  });

  it("reports unknown fields and missing required ones", () => {
    const text = `flow: x.flow.json\nconversations:\n  - turns:\n      - usr: hello\n`;
    const result = parseTestFile(text, "t.test.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatTestFileProblem);
    expect(lines).toContain("t.test.yaml:3: /conversations/0/name: required: expected a string");
    expect(lines).toContain('t.test.yaml:4: /conversations/0/turns/0/usr: unknown field "usr"');
  });

  it("allows the start only as the first turn, and not user and silence together", () => {
    const text = `flow: x.flow.json\nconversations:\n  - name: c\n    turns:\n      - user: hi\n      - bot: hello\n      - user: a\n        silence: true\n`;
    const result = parseTestFile(text, "t.test.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "/conversations/0/turns/2: a turn is either `user` or `silence`, not both",
      "/conversations/0/turns/1: only the first turn may be the start; later turns need `user` or `silence: true`",
    ]);
  });

  it("rejects a tool stub with neither result nor error, and a bad time", () => {
    const text = `flow: x.flow.json\nnow: tomorrow\ntools:\n  book: { latencyMs: 5 }\nconversations:\n  - name: c\n    turns: [{ user: hi }]\n`;
    const result = parseTestFile(text, "t.test.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual(["/now", "/tools/book"]);
    expect(result.problems[0]?.message).toContain("ISO date-time");
  });

  it("reports YAML syntax errors with their line", () => {
    const result = parseTestFile(`flow: x\nconversations:\n  - name: [unclosed\n`, "t.test.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/^YAML syntax/);
    expect(result.problems[0]?.line).toBeGreaterThan(0);
  });
});

describe("parseTestFile names", () => {
  it("refuses two conversations with the same name, pointing at the second", () => {
    const text = "flow: ./f.flow.json\nconversations:\n  - name: books\n    turns: [{ user: hi }]\n  - name: books\n    turns: [{ user: hello }]\n";
    const parsed = parseTestFile(text, "dup.test.yaml");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map(formatTestFileProblem)).toEqual(['dup.test.yaml:5: /conversations/1/name: the name "books" is already used by /conversations/0']);
  });
});
