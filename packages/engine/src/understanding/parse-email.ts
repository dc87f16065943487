const EMAIL = /[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;
const SPOKEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\s+(?:dot|period)\s+/g, "."],
  [/\s+at\s+/g, "@"],
  [/\s+(?:underscore)\s+/g, "_"],
  [/\s+(?:dash|hyphen)\s+/g, "-"],
];

const DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const DIGITS_BEFORE_AT = new RegExp(`\\b([a-z0-9]+)((?:\\s+(?:${DIGIT_WORDS.join("|")}))+)(?=\\s+at\\s)`, "g");

export interface FoundEmail {
  value: string;
  /** The text with the address taken out, for reading the other slots. */
  rest: string;
}

/**
 * An email address, written ("a.b@c.org") or spoken ("a dot b at c dot org", letters spelled
 * out "j o e at mail dot com", digits ending the name "bob two at …"). The last address wins (corrections). Lowercased.
 */
export function findEmail(text: string): FoundEmail | null {
  const lower = text.toLowerCase();
  const written = [...lower.matchAll(EMAIL)].at(-1);
  if (written) return { value: trimDots(written[0]), rest: cut(text, written.index, written[0].length) };
  let spoken = ` ${lower.replace(/[,;!?]/g, " ")} `;
  // Spoken digits ending the local part: "bob two at …" → "bob2 at …".
  spoken = spoken.replace(DIGITS_BEFORE_AT, (_m, word: string, digits: string) => word + digits.trim().split(/\s+/).map((d) => DIGIT_WORDS.indexOf(d)).join(""));
  // Spelled letters and digits "j o e" → "joe" (runs of two or more).
  spoken = spoken.replace(/(?:\s[a-z0-9](?=\s)){2,}/g, (run) => ` ${run.replace(/\s/g, "")}`);
  for (const [pattern, replacement] of SPOKEN) spoken = spoken.replace(pattern, replacement);
  const heard = [...spoken.matchAll(EMAIL)].at(-1);
  if (!heard) return null;
  const rest = `${spoken.slice(0, heard.index)} ${spoken.slice(heard.index + heard[0].length)}`.replace(/[@]/g, " at ").replace(/\s+/g, " ").trim();
  return { value: trimDots(heard[0]), rest };
}

function trimDots(email: string): string {
  return email.replace(/\.+$/, "");
}

function cut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`.replace(/\s+/g, " ").trim();
}

/** The last email address in the text, or null. */
export function parseEmail(text: string): string | null {
  return findEmail(text)?.value ?? null;
}
