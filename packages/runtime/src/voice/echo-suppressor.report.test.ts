import { it } from "vitest";
import { createEchoSuppressor } from "./echo-suppressor";
import { formatEchoReport, measureEchoSuppressor } from "./testing/echo-scenarios";

/**
 * The whole measurement grid (testing/echo-scenarios.ts), printed as tables; about a minute, so it
 * runs only on request: `ECHO_REPORT=1 npx vitest run src/voice/echo-suppressor.report.test.ts`.
 * The properties it shows are pinned by echo-suppressor.test.ts.
 */
it.runIf(process.env.ECHO_REPORT)(
  "reports false barge-ins and barge-in latency over the echo paths",
  () => {
    console.info(formatEchoReport(measureEchoSuppressor(() => createEchoSuppressor())));
  },
  300_000,
);
