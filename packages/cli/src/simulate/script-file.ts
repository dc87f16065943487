/** A user turn replayed from a script: typed text or silence. */
export type ScriptTurn = { readonly type: "user"; readonly text: string } | { readonly type: "silence" };

/**
 * One turn per line; `(silence)` is silence; blank lines and lines starting with `#` are skipped.
 */
export function parseScript(text: string): ScriptTurn[] {
  const turns: ScriptTurn[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    turns.push(/^\(silence\)$/i.test(line) ? { type: "silence" } : { type: "user", text: line });
  }
  return turns;
}
