import type { JsonValue } from "@voxchart/flow";
import { sleep, type SessionClock, type ToolRegistry } from "@voxchart/engine";
import type { ToolMocks } from "./tool-mocks";

/** Registered functions that answer from the mocks, on the session's (virtual) clock. */
export function createMockTools(mocks: ToolMocks, clock: SessionClock): ToolRegistry {
  return Object.fromEntries(
    Object.entries(mocks).map(([name, mock]) => [
      name,
      async (_args: Record<string, JsonValue>, call: { signal: AbortSignal }): Promise<JsonValue> => {
        if (mock.latencyMs > 0) await sleep(clock, mock.latencyMs, call.signal);
        if (mock.fail) throw new Error(`${name} failed (mocked)`);
        return mock.result as JsonValue;
      },
    ]),
  );
}
