import { z } from "zod";
import { JsonValueSchema } from "../schema/primitives";

/**
 * The conversation test-file format (YAML or JSON). This schema is the single source of truth:
 * `voxchart test`, `voxchart paths`, the builder's test cases and docs/flow-format.md follow it.
 */

/** A stubbed tool: a result or an error, after `latencyMs` of virtual time. */
export const ToolStubSchema = z.union([
  z.object({ result: JsonValueSchema, latencyMs: z.number().int().min(0).optional() }).strict(),
  z.object({ error: z.string().min(1), latencyMs: z.number().int().min(0).optional() }).strict(),
]);
export type ToolStub = z.infer<typeof ToolStubSchema>;

/**
 * Stubs by tool name (a function tool's name; an HTTP tool node's URL, optionally prefixed by its
 * method: "POST https://…"). A list answers successive calls in turn; its last entry repeats.
 */
export const ToolStubsSchema = z.record(z.string().min(1), z.union([ToolStubSchema, z.array(ToolStubSchema).min(1)]));
export type ToolStubs = z.infer<typeof ToolStubsSchema>;

/** Text expected in what the bot said: a substring, or `/regex/flags`. */
export const TextMatcherSchema = z.string();

const expectations = {
  /** A substring or /regex/ of everything said in the turn, or one matcher per line in order. */
  bot: z.union([TextMatcherSchema, z.array(TextMatcherSchema)]).optional(),
  /** The (qualified) node the conversation is in after the turn. */
  node: z.string().min(1).optional(),
  /** These variables have these values (others are not compared). */
  vars: z.record(z.string(), JsonValueSchema).optional(),
  /** true: a filler was spoken; false: none; text: a filler containing it. */
  filler: z.union([z.boolean(), z.string()]).optional(),
  ended: z.boolean().optional(),
  outcome: z.string().optional(),
  transfer: z.string().optional(),
};

/** One step: the start (neither `user` nor `silence`, first turn only), a user line, or silence. */
export const TestTurnSchema = z
  .object({
    user: z.string().optional(),
    silence: z.literal(true).optional(),
    ...expectations,
  })
  .strict()
  .refine((t) => !(t.user !== undefined && t.silence !== undefined), { message: "a turn is either `user` or `silence`, not both" });
export type TestTurn = z.infer<typeof TestTurnSchema>;
export type TestTurnExpectations = Omit<TestTurn, "user" | "silence">;

/** The first turn may open the call (neither `user` nor `silence`); every later one needs either. */
function onlyFirstTurnStarts(c: { turns: readonly TestTurn[] }, ctx: z.RefinementCtx): void {
  c.turns.forEach((t, i) => {
    if (i > 0 && t.user === undefined && t.silence === undefined) {
      ctx.addIssue({ code: "custom", path: ["turns", i], message: "only the first turn may be the start; later turns need `user` or `silence: true`" });
    }
  });
}

const isoDateTime = z.iso.datetime({ offset: true, message: "expected an ISO date-time such as 2026-11-25T09:00:00Z" });

const scriptShape = {
  /** The virtual clock's start for this conversation (overrides the file's `now`). */
  now: isoDateTime.optional(),
  /** Overrides the file's tool stubs for this conversation. */
  tools: ToolStubsSchema.optional(),
  turns: z.array(TestTurnSchema).min(1, "a conversation needs at least one turn"),
};

/**
 * A conversation without its name: what the builder stores for a test case (whose name is a
 * column of its own). Adding the name gives a test file's conversation.
 */
export const TestScriptSchema = z.object(scriptShape).strict().superRefine(onlyFirstTurnStarts);
export type TestScript = z.infer<typeof TestScriptSchema>;

export const TestConversationSchema = z
  .object({ name: z.string().min(1), ...scriptShape })
  .strict()
  .superRefine(onlyFirstTurnStarts);
export type TestConversation = z.infer<typeof TestConversationSchema>;

export const TestFileSchema = z
  .object({
    /** The flow under test, relative to the test file. */
    flow: z.string().min(1),
    /** The virtual clock's start (ISO date-time), so relative dates are deterministic. */
    now: isoDateTime.optional(),
    tools: ToolStubsSchema.optional(),
    conversations: z.array(TestConversationSchema).min(1, "a test file needs at least one conversation"),
  })
  .strict()
  .superRefine((file, ctx) => {
    // Names identify conversations in reports, JUnit and the builder (an import matches cases by name).
    const first = new Map<string, number>();
    file.conversations.forEach((c, i) => {
      const earlier = first.get(c.name);
      if (earlier === undefined) first.set(c.name, i);
      else ctx.addIssue({ code: "custom", path: ["conversations", i, "name"], message: `the name "${c.name}" is already used by /conversations/${earlier}` });
    });
  });
export type TestFile = z.infer<typeof TestFileSchema>;
