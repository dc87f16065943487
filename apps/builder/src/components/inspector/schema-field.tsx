"use client";
import { useEffect, useState } from "react";
import { emptyValue, humanize, type FieldSpec } from "@/inspector/schema-walk";

export interface FieldContext {
  /** zod issues by dotted path, relative to the form's root. */
  errors: ReadonlyMap<string, string>;
  /** Node ids, for fields that reference a node. */
  nodeIds: readonly string[];
}

export interface SchemaFieldProps {
  name: string;
  spec: FieldSpec;
  value: unknown;
  path: (string | number)[];
  onChange: (value: unknown) => void;
  ctx: FieldContext;
  /** Shown instead of the humanised name. */
  label?: string;
}

const NODE_REF_FIELDS = new Set(["to", "from", "start", "target"]);
const asString = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function ErrorText({ message }: { message: string | undefined }) {
  return message ? <span className="field-error" role="alert">{message}</span> : null;
}

function Label({ name, spec, label, htmlFor, extra }: { name: string; spec: FieldSpec; label: string | undefined; htmlFor?: string; extra?: React.ReactNode }) {
  return (
    <label className="field-label" htmlFor={htmlFor}>
      <span>
        {label ?? humanize(name)} {spec.optional && <span className="opt">optional</span>}
      </span>
      {extra}
    </label>
  );
}

/** A textarea editing a list of strings, one per line (examples, fillers, prompts). */
function LinesInput({ id, value, onChange, invalid }: { id: string; value: string[]; onChange: (v: string[] | undefined) => void; invalid: boolean }) {
  const [text, setText] = useState(value.join("\n"));
  useEffect(() => {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    if (lines.join("\n") !== value.join("\n")) setText(value.join("\n"));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <textarea
      id={id}
      aria-invalid={invalid}
      value={text}
      rows={Math.min(6, Math.max(2, value.length + 1))}
      placeholder="One per line"
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value.split("\n").filter((l) => l.trim() !== ""));
      }}
    />
  );
}

/** One field of a schema-derived form, recursing into objects, lists, records and variants. */
export function SchemaField({ name, spec, value, path, onChange, ctx, label }: SchemaFieldProps) {
  const key = path.join(".");
  const id = `f-${key}`;
  const error = ctx.errors.get(key);
  const clear = spec.optional ? (
    <button type="button" className="btn small ghost" onClick={() => onChange(undefined)} title="Remove this optional value">
      clear
    </button>
  ) : null;

  switch (spec.kind) {
    case "text": {
      if (NODE_REF_FIELDS.has(name) && ctx.nodeIds.length > 0) {
        const options = ctx.nodeIds.includes(asString(value)) || value === undefined ? ctx.nodeIds : [asString(value), ...ctx.nodeIds];
        return (
          <div className="field">
            <Label name={name} spec={spec} label={label} htmlFor={id} />
            <select id={id} value={asString(value)} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)}>
              {value === undefined && <option value="">—</option>}
              {options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
              {name === "to" && !options.includes("@return") && <option value="@return">@return (back where the user was)</option>}
            </select>
            <ErrorText message={error} />
          </div>
        );
      }
      const multiline = spec.format === "template";
      return (
        <div className="field">
          <Label name={name} spec={spec} label={label} htmlFor={id} extra={value !== undefined ? clear : null} />
          {multiline ? (
            <textarea id={id} name={key} aria-invalid={!!error} value={asString(value)} rows={2} onChange={(e) => onChange(e.target.value === "" && spec.optional ? undefined : e.target.value)} />
          ) : (
            <input
              id={id}
              name={key}
              type="text"
              className={spec.format === "expression" ? "expr" : undefined}
              aria-invalid={!!error}
              value={asString(value)}
              onChange={(e) => onChange(e.target.value === "" && spec.optional ? undefined : e.target.value)}
            />
          )}
          <ErrorText message={error} />
        </div>
      );
    }
    case "number":
      return (
        <div className="field">
          <Label name={name} spec={spec} label={label} htmlFor={id} extra={value !== undefined ? clear : null} />
          <input
            id={id}
            name={key}
            type="number"
            aria-invalid={!!error}
            value={typeof value === "number" ? value : ""}
            step={spec.integer ? 1 : "any"}
            {...(spec.min !== null ? { min: spec.min } : {})}
            {...(spec.max !== null ? { max: spec.max } : {})}
            onChange={(e) => onChange(e.target.value === "" ? (spec.optional ? undefined : 0) : Number(e.target.value))}
          />
          <ErrorText message={error} />
        </div>
      );
    case "boolean":
      return (
        <div className="field">
          <label className="field-label" style={{ justifyContent: "flex-start", gap: 8 }}>
            <input type="checkbox" checked={typeof value === "boolean" ? value : spec.defaultValue} onChange={(e) => onChange(e.target.checked)} />
            {label ?? humanize(name)}
          </label>
          <ErrorText message={error} />
        </div>
      );
    case "enum":
      return (
        <div className="field">
          <Label name={name} spec={spec} label={label} htmlFor={id} />
          <select id={id} value={asString(value)} aria-invalid={!!error} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}>
            {(value === undefined || spec.optional) && <option value="">{spec.optional ? "(default)" : "—"}</option>}
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <ErrorText message={error} />
        </div>
      );
    case "literal":
      return null;
    case "string-list":
      return (
        <div className="field">
          <Label name={name} spec={spec} label={label} htmlFor={id} />
          <LinesInput id={id} value={Array.isArray(value) ? value.map(asString) : []} invalid={!!error} onChange={(v) => onChange(v && v.length === 0 && spec.optional ? undefined : v)} />
          <ErrorText message={error ?? [...ctx.errors].find(([k]) => k.startsWith(`${key}.`))?.[1]} />
        </div>
      );
    case "list": {
      const items = Array.isArray(value) ? value : [];
      return (
        <div className="group">
          <div className="group-title">
            <span>
              {label ?? humanize(name)} {spec.optional && <span className="opt hint">optional</span>}
            </span>
            <button type="button" className="btn small" onClick={() => onChange([...items, emptyValue(spec.item)])}>
              + Add
            </button>
          </div>
          {items.map((item, i) => (
            <div className="list-item" key={i}>
              <SchemaField name={`${name} ${i + 1}`} label={`#${i + 1}`} spec={spec.item} value={item} path={[...path, i]} ctx={ctx} onChange={(v) => onChange(items.map((old, j) => (j === i ? v : old)))} />
              <button type="button" className="btn small danger" style={{ marginBottom: 8 }} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                Remove
              </button>
            </div>
          ))}
          <ErrorText message={error} />
        </div>
      );
    }
    case "object": {
      const obj = isObject(value) ? value : undefined;
      if (!obj && spec.optional) {
        return (
          <div className="field">
            <Label name={name} spec={spec} label={label} />
            <button type="button" className="btn small" onClick={() => onChange(emptyValue(spec))}>
              + Set {label ?? humanize(name).toLowerCase()}
            </button>
          </div>
        );
      }
      return (
        <div className="group">
          <div className="group-title">
            <span>{label ?? humanize(name)}</span>
            {clear}
          </div>
          <ObjectFields spec={spec} value={obj ?? {}} path={path} ctx={ctx} onChange={onChange} />
          <ErrorText message={error} />
        </div>
      );
    }
    case "record": {
      const obj = isObject(value) ? value : {};
      const entries = Object.entries(obj);
      const rename = (from: string, to: string) => onChange(Object.fromEntries(entries.map(([k, v]) => (k === from ? [to, v] : [k, v]))));
      const simple = spec.value.kind === "text" || spec.value.kind === "enum" || spec.value.kind === "number";
      return (
        <div className="group">
          <div className="group-title">
            <span>
              {label ?? humanize(name)} {spec.optional && <span className="opt hint">optional</span>}
            </span>
            <button
              type="button"
              className="btn small"
              onClick={() => {
                let k = "name";
                for (let i = 2; k in obj; i++) k = `name${i}`;
                onChange({ ...obj, [k]: emptyValue(spec.value) });
              }}
            >
              + Add
            </button>
          </div>
          {entries.map(([k, v]) =>
            simple ? (
              <div key={k}>
                <div className="record-row">
                  <input className="input mono" aria-label={`${name} key`} defaultValue={k} onBlur={(e) => e.target.value && e.target.value !== k && rename(k, e.target.value)} />
                  {spec.value.kind === "enum" ? (
                    <select className="input" value={asString(v)} onChange={(e) => onChange({ ...obj, [k]: e.target.value })}>
                      {spec.value.options.map((o) => (
                        <option key={o}>{o}</option>
                      ))}
                    </select>
                  ) : (
                    <input className={`input ${spec.value.kind === "text" && spec.value.format === "expression" ? "mono" : ""}`} aria-label={`${name} ${k}`} value={asString(v)} onChange={(e) => onChange({ ...obj, [k]: spec.value.kind === "number" ? Number(e.target.value) : e.target.value })} />
                  )}
                  <button type="button" className="btn small ghost" aria-label={`Remove ${k}`} onClick={() => onChange(Object.fromEntries(entries.filter(([x]) => x !== k)))}>
                    ✕
                  </button>
                </div>
                <ErrorText message={ctx.errors.get(`${key}.${k}`)} />
              </div>
            ) : (
              <div className="list-item" key={k}>
                <div className="record-row" style={{ gridTemplateColumns: "1fr auto" }}>
                  <input className="input mono" aria-label={`${name} key`} defaultValue={k} onBlur={(e) => e.target.value && e.target.value !== k && rename(k, e.target.value)} />
                  <button type="button" className="btn small ghost" aria-label={`Remove ${k}`} onClick={() => onChange(Object.fromEntries(entries.filter(([x]) => x !== k)))}>
                    ✕
                  </button>
                </div>
                <SchemaField name={k} label=" " spec={spec.value} value={v} path={[...path, k]} ctx={ctx} onChange={(nv) => onChange({ ...obj, [k]: nv })} />
              </div>
            ),
          )}
          <ErrorText message={error} />
        </div>
      );
    }
    case "variant": {
      const obj = isObject(value) ? value : undefined;
      const tag = asString(obj?.[spec.discriminator]);
      const option = spec.options.find((o) => o.tag === tag);
      return (
        <div className="group">
          <div className="group-title">
            <span>{label ?? humanize(name)}</span>
            {obj && clear}
          </div>
          <div className="field">
            <Label name={spec.discriminator} spec={{ kind: "enum", optional: false, options: [] }} label={undefined} htmlFor={`${id}-tag`} />
            <select
              id={`${id}-tag`}
              value={tag}
              onChange={(e) => {
                const next = spec.options.find((o) => o.tag === e.target.value);
                if (next) onChange(emptyValue(next.spec));
                else onChange(undefined);
              }}
            >
              {(!option || spec.optional) && <option value="">{spec.optional ? "(default)" : "—"}</option>}
              {spec.options.map((o) => (
                <option key={o.tag} value={o.tag}>
                  {o.tag}
                </option>
              ))}
            </select>
          </div>
          {option && obj && <ObjectFields spec={option.spec} value={obj} path={path} ctx={ctx} onChange={onChange} />}
          <ErrorText message={error} />
        </div>
      );
    }
    case "json":
      return <JsonField name={name} spec={spec} value={value} label={label} error={error} onChange={onChange} id={id} />;
  }
}

function JsonField({ name, spec, value, label, error, onChange, id }: { name: string; spec: FieldSpec; value: unknown; label: string | undefined; error: string | undefined; onChange: (v: unknown) => void; id: string }) {
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value));
  const [bad, setBad] = useState(false);
  return (
    <div className="field">
      <Label name={name} spec={spec} label={label} htmlFor={id} />
      <input
        id={id}
        type="text"
        className="expr"
        aria-invalid={bad || !!error}
        value={text}
        placeholder="JSON value"
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === "") {
            setBad(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      <ErrorText message={bad ? "not valid JSON" : error} />
    </div>
  );
}

/** The fields of an object; the discriminator of a variant is edited by its select. */
export function ObjectFields({ spec, value, path, ctx, onChange, only, skip }: { spec: FieldSpec & { kind: "object" }; value: Record<string, unknown>; path: (string | number)[]; ctx: FieldContext; onChange: (v: unknown) => void; only?: readonly string[]; skip?: readonly string[] }) {
  const fields = spec.fields.filter(([k]) => (!only || only.includes(k)) && !skip?.includes(k));
  return (
    <>
      {fields.map(([k, f]) => (
        <SchemaField key={k} name={k} spec={f} value={value[k]} path={[...path, k]} ctx={ctx} onChange={(v) => onChange(setKey(value, k, v))} />
      ))}
    </>
  );
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
