/** Reads `?token=` (client-js appends the token from POST /start to the WebSocket URL). */
export function tokenFromUrl(url: string | undefined): string | undefined {
  const token = new URL(url ?? "/", "http://localhost").searchParams.get("token");
  return token === null || token === "" ? undefined : token;
}
