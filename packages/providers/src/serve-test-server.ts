/**
 * Runs the OpenAI-compatible test server for demos: `npx tsx src/serve-test-server.ts [--port N]`.
 * Point the SDK (or OPENAI_BASE_URL) at the printed URL.
 */
import { parseArgs } from "node:util";
import { createOpenAiCompatibleServer } from "./test-server/openai-compatible-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    "first-token-delay-ms": { type: "string", default: "0" },
    "inter-token-delay-ms": { type: "string", default: "0" },
  },
});

const server = await createOpenAiCompatibleServer({
  port: Number(values.port),
  host: values.host,
  firstTokenDelayMs: Number(values["first-token-delay-ms"]),
  interTokenDelayMs: Number(values["inter-token-delay-ms"]),
});
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// Printed last: whoever reads the URL may stop the server right away.
console.log(server.url);
