import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import type { CliIo } from "./io";
import { isCliError } from "./cli-error";
import { runLint } from "./lint/lint-command";
import type { LintFormat } from "./lint/lint-command";
import { runSimulate } from "./commands/simulate-command";
import { runTestCommand } from "./commands/test-command";
import { runPaths } from "./commands/paths-command";
import { loadToolModule } from "./simulate/load-tools";

export const DEFAULT_JUNIT = "test-results/voxchart-junit.xml";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** The `voxchart` command line; `setExitCode` receives each action's exit code. */
export function createProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command("voxchart")
    .description("Design, check, simulate and test conversational voice-agent flows.")
    .version("0.1.0", "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) })
    .addHelpText(
      "after",
      examples(
        "voxchart lint examples/*/*.flow.json",
        "voxchart simulate examples/restaurant/restaurant.flow.json --vars",
        "voxchart test examples/ --junit reports/junit.xml",
        "voxchart paths examples/restaurant/restaurant.flow.json -o restaurant.paths.test.yaml",
      ),
    );
  const configure = (cmd: Command) => cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) }).showHelpAfterError(`(run "voxchart ${cmd.name()} --help" for usage)`);

  configure(
    program
      .command("lint")
      .description("Validate flow files and run the static checks; exit 1 on errors.")
      .argument("<flow...>", "flow JSON files")
      .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
      .addHelpText("after", examples("voxchart lint booking.flow.json", "voxchart lint examples/*/*.flow.json --format json"))
      .action(async (flows: string[], opts: { format: LintFormat }) => setExitCode(await runLint(flows, { format: opts.format }, io))),
  );

  configure(
    program
      .command("simulate")
      .description("Chat with a flow in the terminal (virtual time; an empty line is silence).")
      .argument("<flow>", "flow JSON file")
      .option("--vars", "show the variables after every turn", false)
      .option("--script <file>", "replay user turns from a file (one per line, (silence) for silence) and print the transcript")
      .option("--tools <module>", "a JS/TS module whose exported functions are the flow's tools")
      .option("--now <iso>", "start the virtual clock at this ISO date-time")
      .addHelpText(
        "after",
        `\nIn the chat: /vars shows variables, /restart starts over, /quit leaves.${examples(
          "voxchart simulate booking.flow.json --vars",
          "voxchart simulate booking.flow.json --script turns.txt --tools ./tools.ts",
        )}`,
      )
      .action(async (flow: string, opts: { vars: boolean; script?: string; tools?: string; now?: string }) => setExitCode(await runSimulate(flow, opts, io))),
  );

  configure(
    program
      .command("test")
      .description("Run conversation test files (*.test.yaml, *.test.json); report results, JUnit XML and coverage.")
      .argument("<paths...>", "test files, or directories to search")
      .option("--junit <file>", "where to write JUnit XML", DEFAULT_JUNIT)
      .option("--coverage-json <file>", "also write the coverage report as JSON")
      .option("--tools <module>", "tool functions for tools the test files do not stub")
      .option("-u, --update", "rewrite failing bot/node/ended/outcome/transfer checks to what the flow does now (vars and filler checks stay yours), then run again")
      .addHelpText("after", examples("voxchart test examples/", "voxchart test booking.test.yaml --coverage-json coverage.json", "voxchart test booking.test.yaml --update"))
      .action(async (paths: string[], opts: { junit: string; coverageJson?: string; tools?: string; update?: boolean }) => {
        const tools = opts.tools ? await loadToolModule(opts.tools, io.cwd) : undefined;
        setExitCode(
          await runTestCommand(paths, { junit: opts.junit, ...(opts.coverageJson ? { coverageJson: opts.coverageJson } : {}), ...(tools ? { tools } : {}), ...(opts.update ? { update: true } : {}) }, io),
        );
      }),
  );

  configure(
    program
      .command("paths")
      .description("Generate a test file (YAML): one conversation per path from the start to each end or transfer, with the nodes reached and what the bot says.")
      .argument("<flow>", "flow JSON file")
      .option("-o, --output <file>", "write to this file instead of stdout")
      .option("--now <iso>", "the virtual clock's start in the generated file")
      .option("--max-paths <n>", "at most this many conversations", positiveInt)
      .option("--no-bot", "expect nodes only; do not write the bot's replies as expectations")
      .addHelpText("after", examples("voxchart paths booking.flow.json -o booking.paths.test.yaml && voxchart test booking.paths.test.yaml"))
      .action(async (flow: string, opts: { output?: string; now?: string; maxPaths?: number; bot: boolean }) => setExitCode(await runPaths(flow, opts, io))),
  );
  // `serve` parses its own flags (packages/runtime); listed here so it shows in the help.
  program
    .command("serve")
    .description("Serve a flow as a voice agent over the Pipecat WebSocket protocol (see voxchart serve --help).")
    .argument("<flow>", "flow JSON file");
  return program;
}

/** Runs the CLI with arguments (without "node" and the script); resolves to the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  if (!args.length) {
    program.outputHelp();
    return 2;
  }
  if (args[0] === "serve") {
    // Loaded only when serving: the voice runtime brings audio and network code the other commands never need.
    const { runServe } = await import("@voxchart/runtime");
    return runServe(args.slice(1), io);
  }
  try {
    await program.parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage mistakes were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isCliError(error)) {
      io.err(`voxchart: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
