/**
 * The import direction of the monorepo (docs/architecture.md): each workspace may import only
 * the workspaces listed here, and some may not import certain outside modules at all.
 */
export const ALLOWED_INTERNAL: Record<string, readonly string[]> = {
  "@voxchart/flow": [],
  "@voxchart/engine": ["@voxchart/flow"],
  "@voxchart/providers": ["@voxchart/engine", "@voxchart/flow"],
  "@voxchart/db": [],
  "@voxchart/runtime": ["@voxchart/engine", "@voxchart/flow", "@voxchart/providers", "@voxchart/db"],
  "@voxchart/cli": ["@voxchart/engine", "@voxchart/flow", "@voxchart/providers", "@voxchart/runtime", "@voxchart/db"],
  "@voxchart/builder": ["@voxchart/engine", "@voxchart/flow", "@voxchart/db", "@voxchart/providers"],
  "@voxchart/repo-checks": [],
};

/** Outside modules a workspace must never import (the engine never sees audio, network or UI). */
export const FORBIDDEN_EXTERNAL: Record<string, readonly RegExp[]> = {
  "@voxchart/flow": [/^openai/, /^react/, /^next/, /^@prisma/, /^ws$/, /^node:(http|https|net|child_process|fs)/],
  "@voxchart/engine": [/^openai/, /^react/, /^next/, /^@prisma/, /^ws$/, /^node:(http|https|net|child_process)/, /^@pipecat-ai/],
};
