// `npm run migrate -w @voxchart/db`: applies pending migrations to DATABASE_URL, else VOXCHART_DB,
// else ./voxchart.db (or the URL given as the first argument), with the same runner the
// application uses at start-up. No Prisma CLI involved.
import { createDatabase } from "../src/index";

const url = process.argv[2];
const db = await createDatabase(url ? { url } : {});
try {
  const { applied, alreadyApplied } = db.migrations;
  console.log(`${db.provider} ${db.url}`);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "nothing to apply");
  console.log(`already applied: ${alreadyApplied.length}`);
} finally {
  await db.close();
}
