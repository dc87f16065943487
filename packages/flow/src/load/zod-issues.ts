import { z } from "zod";
import { jsonPointer, type Diagnostic } from "../diagnostics";
import { describeFound, describeSchema, unwrapSchema } from "./describe-schema";
import { schemaAtPath, valueAtPath } from "./schema-at-path";

type Issue = z.core.$ZodIssue;
type Segment = string | number;

/** zod's own phrasing ("Too small: ..."); anything else is a message written in our schema. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

/** What a discriminator is called, from where it sits: "node kind", "trigger type". */
function discriminatorNoun(parent: readonly Segment[], discriminator: string): string {
  const owner = [...parent].reverse().find((s): s is string => typeof s === "string");
  const names: Record<string, string> = {
    nodes: "node",
    trigger: "trigger",
    tool: "tool",
    action: "global action",
    bargeIn: "barge-in",
  };
  return `${(owner !== undefined ? names[owner] : undefined) ?? owner ?? "value"} ${discriminator}`;
}

function segments(path: readonly PropertyKey[]): Segment[] {
  return path.map((p) => (typeof p === "number" ? p : String(p)));
}

interface Located {
  path: Segment[];
  message: string;
}

function expectedFromSchema(root: z.ZodType, doc: unknown, path: Segment[], fallback: string): string {
  const schema = schemaAtPath(root, doc, path);
  return schema !== undefined ? describeSchema(schema) : fallback;
}

/** One zod issue as one or more located sentences (unknown keys become one per key). */
function explainIssue(root: z.ZodType, doc: unknown, issue: Issue): Located[] {
  const path = segments(issue.path);
  const found = valueAtPath(doc, path);
  const custom = !ZOD_DEFAULT_MESSAGE.test(issue.message);
  switch (issue.code) {
    case "invalid_type": {
      const expected = expectedFromSchema(root, doc, path, issue.expected);
      const message =
        found === undefined
          ? `missing required field; expected ${expected}`
          : `expected ${expected}, found ${describeFound(found)}`;
      return [{ path, message }];
    }
    case "too_small":
    case "too_big":
    case "not_multiple_of": {
      if (custom) return [{ path, message: `${issue.message}; found ${describeFound(found)}` }];
      const expected = expectedFromSchema(root, doc, path, "a value in range");
      return [{ path, message: `expected ${expected}, found ${describeFound(found)}` }];
    }
    case "invalid_format":
      if (path[0] === "edges" && path.length === 3 && path[2] === "to")
        return [{ path, message: `expected a node id or "@return", found ${describeFound(found)}` }];
      return [{ path, message: `${issue.message}; found ${describeFound(found)}` }];
    case "invalid_value": {
      const expected = issue.values.map((v) => String(v)).join(", ");
      return [{ path, message: `expected ${issue.values.length > 1 ? "one of " : ""}${expected}, found ${describeFound(found)}` }];
    }
    case "unrecognized_keys": {
      const owner = schemaAtPath(root, doc, path);
      const inner = owner !== undefined ? unwrapSchema(owner) : undefined;
      const known = inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
      const hint = known.length > 0 ? `; known fields: ${known.join(", ")}` : "";
      return issue.keys.map((key) => ({ path: [...path, key], message: `unknown field "${key}"${hint}` }));
    }
    case "invalid_union": {
      // A discriminated union whose tag matched no option: one clear sentence, no cascade.
      const disc = "discriminator" in issue && typeof issue.discriminator === "string" ? issue.discriminator : undefined;
      const options = "options" in issue && Array.isArray(issue.options) ? issue.options.map(String) : undefined;
      if (disc !== undefined && options !== undefined) {
        const noun = discriminatorNoun(path.slice(0, -1), disc);
        const message =
          found === undefined
            ? `missing ${noun}; expected one of ${options.join(", ")}`
            : `unknown ${noun} ${describeFound(found)}; expected one of ${options.join(", ")}`;
        return [{ path, message }];
      }
      const expected = expectedFromSchema(root, doc, path, "a valid value");
      return [{ path, message: `expected ${expected}, found ${describeFound(found)}` }];
    }
    case "invalid_key": {
      const key = path[path.length - 1];
      const reasons = issue.issues.map((i) => i.message).join("; ");
      return [{ path, message: `invalid name ${JSON.stringify(String(key))}: ${reasons}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

function idAt(doc: unknown, collection: "nodes" | "edges", path: Segment[]): string | undefined {
  if (path[0] !== collection || typeof path[1] !== "number") return undefined;
  const id = valueAtPath(doc, [collection, path[1], "id"]);
  return typeof id === "string" ? id : undefined;
}

/** zod issues as schema/invalid diagnostics at JSON pointers, naming the node or edge involved. */
export function zodIssuesToDiagnostics(root: z.ZodType, doc: unknown, issues: readonly Issue[], file?: string): Diagnostic[] {
  return issues.flatMap((issue) =>
    explainIssue(root, doc, issue).map(({ path, message }): Diagnostic => {
      const nodeId = idAt(doc, "nodes", path);
      const edgeId = idAt(doc, "edges", path);
      return {
        code: "schema/invalid",
        severity: "error",
        message,
        path: jsonPointer(path),
        ...(nodeId !== undefined ? { nodeId } : {}),
        ...(edgeId !== undefined ? { edgeId } : {}),
        ...(file !== undefined ? { file } : {}),
      };
    }),
  );
}
