import { writeFile } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
import { isMap, isNode, isScalar, parseDocument, stringify } from "yaml";
import { acceptConversationOutput, formatMismatch, OUTPUT_CHECKS, parseTestFile } from "@voxchart/engine";
import type { GenerationPort } from "@voxchart/engine";
import type { TestTurn } from "@voxchart/flow";
import { CliError } from "../cli-error";
import { readTextFile } from "../load/read-text-file";
import { fileSimulationOptions } from "./file-simulation-options";
import type { ModuleTools } from "../simulate/bind-tools";
import type { TestFileResult } from "./run-test-file";

export interface ConversationUpdate {
  readonly name: string;
  /** 1-based turns whose checks were rewritten. */
  readonly turns: readonly number[];
  /** Checks that still fail and are the author's to change (`vars`, `filler`), as sentences. */
  readonly unresolved: readonly string[];
  /** Why nothing was rewritten (the conversation now ends early). */
  readonly skipped?: string;
}

export interface FileUpdate {
  readonly file: string;
  readonly conversations: readonly ConversationUpdate[];
}

/** Where one turn's field changes, for the writer. */
type Edit = { conversation: number; turn: number; field: (typeof OUTPUT_CHECKS)[number]; value: unknown };

function editsOf(conversation: number, before: readonly TestTurn[], after: readonly TestTurn[], changed: readonly number[]): Edit[] {
  return changed.flatMap((turn) =>
    OUTPUT_CHECKS.flatMap((field) => {
      const value = after[turn]?.[field];
      return isDeepStrictEqual(value, before[turn]?.[field]) ? [] : [{ conversation, turn, field, value }];
    }),
  );
}

/** A value as inline YAML, as the examples write it: plain or quoted scalars, `["…", "…"]` lists. */
function inlineYaml(value: unknown): string {
  if (!Array.isArray(value)) return stringify(value, { lineWidth: 0 }).trimEnd();
  return stringify(value, { collectionStyle: "flow", lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/**
 * Rewrites YAML by splicing the source text: only the rewritten values change, every other byte
 * (comments, spacing, quoting, key order) stays. Each edited check exists in the file (only
 * failing checks are rewritten); a removed `outcome` or `transfer` loses its line. Returns null
 * when an edit cannot be spliced (a removed key that opens its list item), for the caller to
 * re-serialise instead.
 */
function spliceYaml(text: string, edits: readonly Edit[]): string | null {
  const doc = parseDocument(text);
  const splices: { from: number; to: number; insert: string }[] = [];
  for (const e of edits) {
    const turn = doc.getIn(["conversations", e.conversation, "turns", e.turn], true);
    if (!isMap(turn)) return null;
    const index = turn.items.findIndex((p) => isScalar(p.key) && p.key.value === e.field);
    const pair = turn.items[index];
    const key = pair?.key;
    const value = pair?.value;
    if (!isScalar(key) || !key.range || !isNode(value) || !value.range) return null;
    if (e.value !== undefined) {
      splices.push({ from: value.range[0], to: value.range[1], insert: inlineYaml(e.value) });
      continue;
    }
    if (index === 0) return null;
    const lineStart = text.lastIndexOf("\n", key.range[0]) + 1;
    const lineEnd = text.indexOf("\n", value.range[2] - 1);
    splices.push({ from: lineStart, to: lineEnd === -1 ? text.length : lineEnd + 1, insert: "" });
  }
  let out = text;
  for (const sp of splices.sort((x, y) => y.from - x.from)) out = out.slice(0, sp.from) + sp.insert + out.slice(sp.to);
  return out;
}

/** JSON is written anew (two-space indent, as the builder exports it). */
function applyJsonEdits(text: string, edits: readonly Edit[]): string {
  const data = JSON.parse(text) as { conversations: { turns: Record<string, unknown>[] }[] };
  for (const e of edits) {
    const turn = data.conversations[e.conversation]?.turns[e.turn];
    if (!turn) continue;
    if (e.value === undefined) delete turn[e.field];
    else turn[e.field] = e.value;
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

function applyEdits(text: string, isJson: boolean, edits: readonly Edit[]): string {
  if (isJson) return applyJsonEdits(text, edits);
  const spliced = spliceYaml(text, edits);
  if (spliced !== null) return spliced;
  const doc = parseDocument(text);
  for (const e of edits) {
    const path = ["conversations", e.conversation, "turns", e.turn, e.field];
    if (e.value === undefined) doc.deleteIn(path);
    else doc.setIn(path, doc.createNode(e.value, { flow: true }));
  }
  return doc.toString({ lineWidth: 0 });
}

export interface UpdateTestFilesOptions {
  readonly tools?: ModuleTools;
  readonly generation?: GenerationPort;
}

/**
 * `voxchart test --update`: for each failing conversation, replays its user turns on the flow as
 * it is now (the file's stubs and clock) and rewrites the output checks that fail — `bot`, `node`,
 * `ended`, `outcome`, `transfer` — to what happens now (the engine's acceptConversationOutput,
 * as the builder's "Accept new output"). Passing checks and `vars` / `filler` checks stay. A
 * conversation that now ends before its last turn is left as it is.
 */
export async function updateTestFiles(results: readonly TestFileResult[], options: UpdateTestFilesOptions = {}): Promise<FileUpdate[]> {
  const updates: FileUpdate[] = [];
  for (const result of results) {
    const compiled = result.flow?.compiled;
    if (!compiled || result.conversations.every((c) => c.passed)) continue;
    const text = await readTextFile(result.absolutePath, result.file);
    const parsed = parseTestFile(text, result.file);
    if (!parsed.ok) continue;
    const file = parsed.testFile;
    const simulation = fileSimulationOptions(file, options);
    const edits: Edit[] = [];
    const conversations: ConversationUpdate[] = [];
    for (const [index, conversation] of file.conversations.entries()) {
      if (result.conversations[index]?.passed !== false) continue;
      const accepted = await acceptConversationOutput(compiled, conversation, simulation);
      if (!accepted.ok) {
        conversations.push({ name: conversation.name, turns: [], unresolved: [], skipped: `it now ends before turn ${accepted.endedBefore + 1}; change the test by hand` });
        continue;
      }
      edits.push(...editsOf(index, conversation.turns, accepted.turns, accepted.changed));
      conversations.push({
        name: conversation.name,
        turns: accepted.changed.map((i) => i + 1),
        unresolved: accepted.unresolved.map((u) => `turn ${u.index + 1}: ${formatMismatch(u.mismatch)}`),
      });
    }
    if (edits.length) {
      const updated = applyEdits(text, result.absolutePath.toLowerCase().endsWith(".json"), edits);
      try {
        await writeFile(result.absolutePath, updated, "utf8");
      } catch (error) {
        throw new CliError("file/unreadable", `${result.file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
    }
    updates.push({ file: result.file, conversations });
  }
  return updates;
}

/** `updated restaurant.test.yaml: “books” turns 2, 3` and what was left, one line each. */
export function formatUpdates(updates: readonly FileUpdate[]): string {
  const lines: string[] = [];
  for (const u of updates) {
    for (const c of u.conversations) {
      if (c.skipped) lines.push(`not updated ${u.file}: “${c.name}”: ${c.skipped}`);
      else if (c.turns.length) lines.push(`updated ${u.file}: “${c.name}” turn${c.turns.length === 1 ? "" : "s"} ${c.turns.join(", ")}`);
      for (const left of c.unresolved) lines.push(`  still failing (yours to change) in “${c.name}”, ${left}`);
    }
  }
  return lines.join("\n");
}
