/**
 * Test tooling: workspaces only tests use (declare them as devDependencies). Any app or package
 * may import them; they import none of ours.
 */
const TEST_TOOLING = ["@voxchart/test-browser"] as const;

/** Build tooling: how the voxchart command and the benchmarks are bundled. Imports none of ours. */
const BUILD_TOOLING = ["@voxchart/bundle"] as const;

/**
 * The import direction of the monorepo (docs/architecture.md): each workspace may import only
 * the workspaces listed here, and some may not import certain outside modules at all.
 */
export const ALLOWED_INTERNAL: Record<string, readonly string[]> = {
  "@voxchart/flow": [...TEST_TOOLING],
  "@voxchart/engine": ["@voxchart/flow", ...TEST_TOOLING],
  "@voxchart/providers": ["@voxchart/engine", "@voxchart/flow", ...TEST_TOOLING],
  "@voxchart/db": [...TEST_TOOLING],
  "@voxchart/runtime": ["@voxchart/engine", "@voxchart/flow", "@voxchart/providers", "@voxchart/db", ...TEST_TOOLING],
  "@voxchart/cli": ["@voxchart/engine", "@voxchart/flow", "@voxchart/providers", "@voxchart/runtime", "@voxchart/db", ...BUILD_TOOLING, ...TEST_TOOLING],
  "@voxchart/builder": ["@voxchart/engine", "@voxchart/flow", "@voxchart/db", "@voxchart/providers", ...TEST_TOOLING],
  "@voxchart/repo-checks": [],
  "@voxchart/test-browser": [],
  "@voxchart/bundle": [],
};

/** Outside modules a workspace must never import (the engine never sees audio, network or UI). */
export const FORBIDDEN_EXTERNAL: Record<string, readonly RegExp[]> = {
  "@voxchart/flow": [/^openai/, /^react/, /^next/, /^@prisma/, /^ws$/, /^node:(http|https|net|child_process|fs)/],
  "@voxchart/engine": [/^openai/, /^react/, /^next/, /^@prisma/, /^ws$/, /^node:(http|https|net|child_process)/, /^@pipecat-ai/],
};
