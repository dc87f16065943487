import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { formatDiagnostic } from "@voxchart/flow";
import { createTextSimulation, createVirtualClock } from "@voxchart/engine";
import type { TextSimulation } from "@voxchart/engine";
import { bindTools } from "../simulate/bind-tools";
import type { ModuleTools } from "../simulate/bind-tools";
import type { CliIo } from "../io";
import { CliError } from "../cli-error";
import { loadFlow } from "../load/load-flow";
import { readTextFile } from "../load/read-text-file";
import { formatStep, formatVariables } from "../simulate/format-step";
import { loadToolModule } from "../simulate/load-tools";
import { parseScript } from "../simulate/script-file";

export interface SimulateOptions {
  readonly vars: boolean;
  /** Replay user turns from this file instead of reading the terminal. */
  readonly script?: string;
  /** A JS/TS module whose exported functions are the flow's tools. */
  readonly tools?: string;
  /** ISO date-time the virtual clock starts at. */
  readonly now?: string;
}

const HELP = "Type what the caller says. An empty line is silence. /vars shows variables, /restart starts over, /quit leaves.";

function parseNow(now: string | undefined): number | undefined {
  if (now === undefined) return undefined;
  const at = Date.parse(now);
  if (Number.isNaN(at)) throw new CliError("usage", `--now: "${now}" is not an ISO date-time (e.g. 2026-11-25T09:00:00Z)`);
  return at;
}

/** `voxchart simulate`: a text chat with a flow on virtual time, interactive or from a script. */
export async function runSimulate(flowPath: string, options: SimulateOptions, io: CliIo): Promise<number> {
  const startAt = parseNow(options.now);
  const tools: ModuleTools = options.tools ? await loadToolModule(options.tools, io.cwd) : {};
  const loaded = await loadFlow(flowPath, { cwd: io.cwd });
  for (const d of loaded.diagnostics) if (d.severity !== "info") io.err(formatDiagnostic(d));
  const compiled = loaded.compiled;
  if (!compiled) throw new CliError("flow/invalid", `${loaded.file}: the flow has errors and cannot run`);

  const newSimulation = (): TextSimulation => {
    const clock = createVirtualClock(startAt);
    return createTextSimulation(compiled, { clock, tools: bindTools(tools, clock) });
  };
  let sim = newSimulation();
  const show = (step: Awaited<ReturnType<TextSimulation["start"]>>) => io.out(formatStep(step, { vars: options.vars }));

  // A script that cannot be read is reported before anything runs.
  const turns = options.script ? parseScript(await readTextFile(resolve(io.cwd, options.script), options.script)) : null;
  io.out(`Simulating ${compiled.flow.name} (${loaded.file})${options.script ? "" : `. ${HELP}`}`);
  show(await sim.start());

  if (turns) {
    for (const turn of turns) {
      if (sim.ended) {
        io.out("(the conversation has ended; remaining script lines are ignored)");
        break;
      }
      io.out(turn.type === "silence" ? "you: (silence)" : `you: ${turn.text}`);
      show(turn.type === "silence" ? await sim.silence() : await sim.say(turn.text));
    }
    sim.session.stop();
    return 0;
  }

  const rl = createInterface({ input: io.stdin, terminal: false });
  const prompt = () => {
    if (io.interactive) process.stdout.write("you> ");
  };
  prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === "/quit" || line === "/exit") break;
      if (line === "/help") io.out(HELP);
      else if (line === "/vars") io.out(formatVariables(sim.session.state().variables));
      else if (line === "/restart") {
        sim.session.stop();
        sim = newSimulation();
        io.out("(restarted)");
        show(await sim.start());
      } else if (sim.ended) io.out("(the conversation has ended: /restart or /quit)");
      else show(line === "" ? await sim.silence() : await sim.say(line));
      prompt();
    }
  } finally {
    rl.close();
    sim.session.stop();
  }
  return 0;
}
