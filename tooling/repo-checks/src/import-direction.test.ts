import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ALLOWED_INTERNAL, FORBIDDEN_EXTERNAL } from "./layers";
import { packageOf, readImports } from "./read-imports";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const workspaces = ["packages", "apps", "tooling"].flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group))
        .map((name) => join(root, group, name))
        .filter((dir) => existsSync(join(dir, "package.json")))
    : [],
);

describe("import direction", () => {
  for (const dir of workspaces) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d.startsWith("@voxchart/")));

    it(`${pkg.name} declares only allowed edges`, () => {
      const allowed = ALLOWED_INTERNAL[pkg.name];
      expect(allowed, `${pkg.name} is missing from tooling/repo-checks/src/layers.ts`).toBeDefined();
      const wrong = [...declared].filter((d) => !allowed?.includes(d));
      expect(wrong, `${pkg.name}/package.json declares edges against the import direction`).toEqual([]);
    });

    it(`${pkg.name} imports only what its package.json declares and its layer allows`, () => {
      const problems: string[] = [];
      for (const site of readImports(dir, root)) {
        const target = packageOf(site.specifier);
        if (target.startsWith("@voxchart/")) {
          if (target === pkg.name) problems.push(`${site.file}:${site.line} imports its own package by name (${site.specifier})`);
          else if (!declared.has(target)) problems.push(`${site.file}:${site.line} imports ${target}, which ${pkg.name}/package.json does not declare`);
          else if (site.specifier !== target) problems.push(`${site.file}:${site.line} reaches into ${site.specifier}; import the package's index instead`);
        }
        // Tests may read files and start servers; the rules bind the shipped code.
        const isTest = /\.(e2e\.)?test\.tsx?$/.test(site.file) || site.file.includes("/test-support/");
        for (const rule of isTest ? [] : (FORBIDDEN_EXTERNAL[pkg.name] ?? [])) {
          if (rule.test(site.specifier)) problems.push(`${site.file}:${site.line} imports ${site.specifier}, which ${pkg.name} must not use`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
