import { extractValue, words } from "./value-extraction";
import type { ParsedChatStep, ScriptedToolCall } from "./script";
import { functionTools, messageText, type ChatRequest, type WireFunctionTool } from "./wire";

/** Turns a chat request into a reply deterministically: the server's answer when nothing is scripted. */
export type ChatResponder = (request: ChatRequest, now: Date) => ParsedChatStep;

const STOPWORDS = new Set(
  ("a an and are as at be but by can could do for from have i i'd i'm in is it its just like me my of on or please " +
    "said says so that the their them then there these they things this to too user want was we what when which " +
    "with would you your").split(" "),
);

/** The words a tool is known by: its name (snake or camel case) and its description. */
function toolWords(tool: WireFunctionTool): Set<string> {
  const name = tool.function.name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ");
  return new Set(meaningful(`${name} ${tool.function.description ?? ""}`));
}

function meaningful(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w))
    .map((w) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w));
}

interface Candidate {
  tool: WireFunctionTool;
  score: number;
  args: Record<string, string | number | boolean>;
  missing: string[];
}

function candidate(tool: WireFunctionTool, said: Set<string>, text: string, now: Date): Candidate {
  const known = toolWords(tool);
  const score = [...said].filter((w) => known.has(w)).length;
  const properties = tool.function.parameters?.properties ?? {};
  const args: Candidate["args"] = {};
  for (const [key, property] of Object.entries(properties)) {
    const value = extractValue(property, text, now);
    if (value !== undefined) args[key] = value;
  }
  const missing = (tool.function.parameters?.required ?? []).filter((key) => !(key in args));
  return { tool, score, args, missing };
}

/**
 * If tools are offered and the last user message shares words with a tool's name or description,
 * call it with the values found in the message. With parallel calls allowed, every matching tool
 * is called, and so is any tool of optional parameters for which values were found (a slot filler).
 * A single matched tool with a required value missing gets a question instead. Otherwise: text.
 */
export const deterministicChatResponder: ChatResponder = (request, now) => {
  const lastUser = [...request.messages].reverse().find((m) => m.role === "user");
  const text = lastUser ? messageText(lastUser) : "";
  const choice = toolChoice(request);
  const tools = choice === "none" ? [] : functionTools(request).filter((t) => typeof choice !== "object" || t.function.name === choice.name);
  const said = new Set(meaningful(text));
  const candidates = tools.map((tool) => candidate(tool, said, text, now));
  // A forced choice ("required" or a named function) counts every offered tool as matched.
  const forced = choice !== "auto";
  const matched = candidates.filter((c) => forced || c.score > 0).sort((a, b) => b.score - a.score);
  const call = (c: Candidate): ScriptedToolCall => ({ name: c.tool.function.name, arguments: c.args });

  if (request.parallel_tool_calls !== false) {
    const fillers = candidates.filter((c) => c.score === 0 && c.missing.length === 0 && Object.keys(c.args).length > 0);
    const calls = [...matched.filter((c) => c.missing.length === 0), ...fillers];
    if (calls.length > 0) return toolCalls(calls.map(call));
  }
  const best = matched[0];
  if (best && best.missing.length === 0) return toolCalls([call(best)]);
  if (best) return textStep(`Could you tell me the ${best.missing.map((m) => m.replace(/_/g, " ")).join(" and ")}?`);
  return textStep(echo(request, text));
};

/** "auto" unless the request says "none", "required" or names one function. */
function toolChoice(request: ChatRequest): "auto" | "none" | "required" | { name: string } {
  const choice = request.tool_choice;
  if (choice === "none" || choice === "required") return choice;
  if (typeof choice === "object" && choice !== null && "function" in choice) {
    const fn = (choice as { function?: { name?: unknown } }).function;
    if (typeof fn?.name === "string") return { name: fn.name };
  }
  return "auto";
}

function echo(request: ChatRequest, userText: string): string {
  const system = request.messages.find((m) => m.role === "system" || m.role === "developer");
  const task = system ? firstSentence(messageText(system)) : "";
  if (task) return `Okay. ${task}`;
  return userText ? `You said: ${userText}` : "Hello.";
}

function firstSentence(text: string): string {
  const sentence = text.trim().match(/^[^.!?\n]*[.!?]?/)?.[0] ?? "";
  return sentence.length > 160 ? `${sentence.slice(0, 157)}...` : sentence;
}

function textStep(text: string): ParsedChatStep {
  return { type: "text", text };
}

function toolCalls(calls: ScriptedToolCall[]): ParsedChatStep {
  return { type: "tool_calls", calls, argumentChunkChars: 7 };
}
