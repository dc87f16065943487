// A runtime server in its own process, for the multi-process tests:
//   node --import tsx runtime-process.ts '<RuntimeServerConfig JSON>'
// Prints "LISTENING <url>" once it listens, then one line per session; SIGTERM closes it.
import { createRuntimeServer } from "../create-runtime-server";

const server = await createRuntimeServer({ ...(JSON.parse(process.argv[2] ?? "{}") as { flow: string }), log: (line) => console.log(line) });
console.log(`LISTENING ${server.url}`);
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
