// Tool functions for `voxchart simulate examples/restaurant/restaurant.flow.json --tools examples/restaurant/restaurant.tools.ts`.
// Each gets (args, call, { clock, sleep }): `sleep` takes virtual time, so the filler and the
// progress message show where they would in a real call. Seven o'clock is always taken.
import type { ToolContext } from "@voxchart/cli";

export async function check_availability(args: Record<string, unknown>, _call: unknown, { sleep }: ToolContext) {
  await sleep(1200);
  return args["time"] === "19:00" ? { available: false, alternative: "20:30" } : { available: true, alternative: null };
}

export async function book_table(_args: Record<string, unknown>, _call: unknown, { sleep }: ToolContext) {
  await sleep(300);
  return `TR-${Math.floor(1000 + Math.random() * 9000)}`;
}
