import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { chromiumPath } from "./launch-chromium";

const onPath = (tool: string) => (process.env.PATH ?? "").split(delimiter).some((dir) => existsSync(join(dir, tool)));
const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false";

export interface Prerequisites {
  /** Something is missing outside CI: the suite skips. Under CI it runs and fails in `assert` instead. */
  readonly skip: boolean;
  /** Why the suite skips, with the install command, for a placeholder `it.skip`. */
  readonly skipReason: string;
  /** Throws, with the install command, when anything is missing (call it first in beforeAll). */
  assert(): void;
}

/** Checks for Chromium and the given command-line tools; warns once when the suite will skip. */
export function checkPrerequisites(tools: readonly string[], install: string): Prerequisites {
  const chromium = chromiumPath();
  const missing = [...(existsSync(chromium) ? [] : [chromium]), ...tools.filter((tool) => !onPath(tool))];
  const skip = missing.length > 0 && !inCi;
  if (skip) console.warn(`[e2e] SKIPPED: missing ${missing.join(", ")}. Install with: ${install} (in CI this fails instead).`);
  return {
    skip,
    skipReason: `needs ${missing.join(", ")} (${install})`,
    assert() {
      if (missing.length > 0) throw new Error(`e2e prerequisites missing: ${missing.join(", ")}; install with: ${install}`);
    },
  };
}
