import type { FlowDoc, DocEdge, DocNode } from "../src/canvas/flow-types";

/**
 * A valid flow of `size` nodes: rows of say → collect → decide blocks, each decide branching to
 * the next block or to a shared end. Deterministic, so runs compare.
 */
export function generateFlow(size: number): FlowDoc {
  const nodes: DocNode[] = [];
  const edges: DocEdge[] = [];
  const blocks = Math.max(1, Math.floor((size - 1) / 3));
  const edge = (from: string, to: string, trigger: DocEdge["trigger"]) => edges.push({ id: `e${edges.length + 1}`, from, to, trigger });
  for (let b = 0; b < blocks; b++) {
    const x = (b % 10) * 320;
    const y = Math.floor(b / 10) * 520;
    nodes.push({ id: `say_${b}`, kind: "say", text: `Step ${b}: here is some information for the caller.`, position: { x, y } });
    nodes.push({ id: `ask_${b}`, kind: "collect", prompt: `Question ${b}: how many?`, slots: [{ name: `n_${b}`, type: "integer" }], position: { x, y: y + 160 } });
    nodes.push({ id: `check_${b}`, kind: "decide", position: { x, y: y + 320 } });
    edge(`say_${b}`, `ask_${b}`, { type: "always" });
    edge(`ask_${b}`, `check_${b}`, { type: "filled" });
    edge(`ask_${b}`, "end", { type: "noInput" });
    edge(`ask_${b}`, "end", { type: "noMatch" });
    edge(`check_${b}`, "end", { type: "condition", when: `n_${b} > 5` });
    edge(`check_${b}`, b + 1 < blocks ? `say_${b + 1}` : "end", { type: "always" });
  }
  while (nodes.length < size - 1) nodes.push({ id: `extra_${nodes.length}`, kind: "say", text: "Unused.", position: { x: -400, y: nodes.length * 10 } });
  nodes.push({ id: "end", kind: "end", message: "Goodbye.", outcome: "done", position: { x: 1600, y: Math.ceil(blocks / 10) * 520 } });
  const variables = Object.fromEntries(Array.from({ length: blocks }, (_, b) => [`n_${b}`, { type: "integer" as const }]));
  return { schemaVersion: 1, id: "bench", name: `Bench ${size}`, start: "say_0", variables, nodes, edges };
}
