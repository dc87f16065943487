/** The first characters of a token: enough to follow a session in the log, not enough to resume it. */
export function tokenTag(token: string | undefined): string {
  return token === undefined ? "none" : `${token.slice(0, 8)}…`;
}

/** One log line: `session <event> key=value …`, values with spaces quoted. */
export function formatLogLine(event: string, fields: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const text = String(value);
      return `${key}=${/[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
    });
  return [`${new Date().toISOString()} session ${event}`, ...parts].join(" ");
}
