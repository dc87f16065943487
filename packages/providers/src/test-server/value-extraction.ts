import type { JsonSchemaProperty } from "./wire";

/**
 * Deterministic extraction of a typed value from an utterance, read from a JSON Schema property:
 * enough for a test server to answer plausibly, nothing like a real model.
 */

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
};
const YES = new Set(["yes", "yeah", "yep", "sure", "correct", "right", "ok", "okay", "true"]);
const NO = new Set(["no", "nope", "nah", "wrong", "false", "incorrect"]);
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

export function extractValue(property: JsonSchemaProperty, text: string, now: Date): string | number | boolean | undefined {
  const type = Array.isArray(property.type) ? property.type.find((t) => t !== "null") : property.type;
  if (property.enum) return extractEnum(property.enum, text);
  if (type === "integer" || type === "number") return extractNumber(text, type === "integer");
  if (type === "boolean") return extractYesNo(text);
  if (type === "string") {
    if (property.format === "date") return extractDate(text, now);
    if (property.format === "email") return text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/)?.[0];
    if (property.pattern?.includes(":")) return extractTime(text);
    if (property.pattern?.startsWith("^\\+?[0-9]")) return text.match(/\+?\d[\d ()-]{5,}\d/)?.[0];
  }
  return undefined;
}

function extractEnum(options: readonly unknown[], text: string): string | undefined {
  const said = new Set(words(text));
  return options.find((o): o is string => typeof o === "string" && words(o).every((w) => said.has(w)));
}

/** The first number in the utterance, in digits or words, skipping clock times ("at 7", "7 pm", "7:30"). */
function extractNumber(text: string, integer: boolean): number | undefined {
  const tokens = text.toLowerCase().match(/-?\d+(?:[.:]\d+)?|[a-z]+(?:\.m\.)?/g) ?? [];
  for (const [i, token] of tokens.entries()) {
    const value = /^-?\d/.test(token) ? (token.includes(":") ? undefined : Number(token)) : NUMBER_WORDS[token];
    if (value === undefined) continue;
    const next = tokens[i + 1] ?? "";
    if (tokens[i - 1] === "at" || /^(am|pm|a\.m\.|p\.m\.|o)$/.test(next)) continue;
    return integer ? Math.trunc(value) : value;
  }
  return undefined;
}

function extractYesNo(text: string): boolean | undefined {
  for (const word of words(text)) {
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
  }
  return undefined;
}

function extractDate(text: string, now: Date): string | undefined {
  const iso = text.match(/\b\d{4}-\d{2}-\d{2}\b/);
  if (iso) return iso[0];
  const said = words(text);
  const shift = (days: number): string => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  if (said.includes("today") || said.includes("tonight")) return shift(0);
  if (said.includes("tomorrow")) return shift(said.includes("after") ? 2 : 1);
  const weekday = said.findIndex((w) => WEEKDAYS.includes(w));
  if (weekday >= 0) {
    const target = WEEKDAYS.indexOf(said[weekday] ?? "");
    const ahead = (target - now.getUTCDay() + 7) % 7 || 7;
    return shift(ahead);
  }
  return undefined;
}

function extractTime(text: string): string | undefined {
  const lower = text.toLowerCase();
  const clock = lower.match(/\b([01]?\d|2[0-3]):([0-5]\d)\s*(am|pm|a\.m\.|p\.m\.)?/);
  const hourOnly = lower.match(/\b(1[0-2]|0?[1-9])\s*(am|pm|a\.m\.|p\.m\.|o'clock)/);
  let hour: number;
  let minute = 0;
  let meridiem: string | undefined;
  if (clock) {
    hour = Number(clock[1]);
    minute = Number(clock[2]);
    meridiem = clock[3];
  } else if (hourOnly) {
    hour = Number(hourOnly[1]);
    meridiem = hourOnly[2];
  } else if (/\bnoon\b/.test(lower)) {
    hour = 12;
  } else {
    return undefined;
  }
  if (meridiem?.startsWith("p") && hour < 12) hour += 12;
  if (meridiem?.startsWith("a") && hour === 12) hour = 0;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
