/** Whether any token in [start, end) is marked as used (no `used` array: none is). */
export function anyUsed(used: readonly boolean[] | undefined, start: number, end: number): boolean {
  if (!used) return false;
  for (let k = start; k < end; k++) if (used[k]) return true;
  return false;
}
