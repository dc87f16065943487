import type { Client, TxClient } from "../connection/db-context";
import { slugify } from "./slugify";

/** The first free slug among base, base-2, base-3 … (deleted flows keep theirs). */
export async function chooseFreeSlug(prisma: Client | TxClient, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await prisma.flow.findMany({
    where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
    select: { slug: true },
  });
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
