import type { TestTurn } from "@voxchart/flow";

const quote = (text: string) => `“${text}”`;

/**
 * One test turn in a line, for the tests panel: what the user does, then what it checks —
 * `user “four” → bot “A table for 4” · node confirm · ended (booked)`.
 */
export function describeTurn(turn: TestTurn, index: number): string {
  const input = turn.user !== undefined ? `user ${quote(turn.user)}` : turn.silence ? "silence" : index === 0 ? "start" : "(no input)";
  const checks: string[] = [];
  if (turn.bot !== undefined) checks.push(typeof turn.bot === "string" ? `bot ${quote(turn.bot)}` : turn.bot.length ? `bot ${turn.bot.map(quote).join(" / ")}` : "bot says nothing");
  if (turn.node !== undefined) checks.push(`node ${turn.node}`);
  if (turn.vars !== undefined) checks.push(Object.entries(turn.vars).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", "));
  if (turn.filler !== undefined) checks.push(turn.filler === true ? "a filler" : turn.filler === false ? "no filler" : `filler ${quote(turn.filler)}`);
  if (turn.transfer !== undefined) checks.push(`transfer to ${turn.transfer}`);
  if (turn.ended !== undefined) checks.push(turn.ended ? `ended${turn.outcome ? ` (${turn.outcome})` : ""}` : "goes on");
  else if (turn.outcome !== undefined) checks.push(`outcome ${turn.outcome}`);
  return checks.length ? `${input} → ${checks.join(" · ")}` : input;
}
