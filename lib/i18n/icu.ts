// A small ICU message formatter for client components (issue 14: JavaScript per public page ≤ 150 KB gzipped).
// next-intl's client runtime ships a full ICU parser (intl-messageformat, ~12 KB gzipped) to every page; the
// messages client components translate (lib/i18n/client-messages.ts) use only a part of ICU, which this covers:
//   text and {name} arguments; {n, plural, =0 {…} one {…} other {…}} with # (the number, in the locale's digits)
//   and arguments inside the branches; '' for an apostrophe and '{…}' for literal braces.
// Anything else (select, number/date skeletons, tags) is reported as an error, and
// tests/unit/client-icu.test.ts formats every client message with this and with next-intl and compares them,
// so a message that needs more fails there, not in a visitor's browser. Server components keep next-intl.

type Part = string | { arg: string } | { plural: string; branches: Map<string, Node[]> } | { hash: true };
type Node = Part;

export type IcuValues = Record<string, string | number | boolean | null | undefined | Date>;

class IcuSyntaxError extends Error {}

function parse(message: string): Node[] {
  let i = 0;
  const fail = (what: string): never => {
    throw new IcuSyntaxError(`${what} at ${i} in "${message}"`);
  };
  const name = () => {
    const m = /^\s*([A-Za-z0-9_]+)\s*/.exec(message.slice(i));
    if (!m) fail("expected an argument name");
    i += m![0].length;
    return m![1];
  };
  const nodes = (inPlural: boolean, closing: boolean): Node[] => {
    const out: Node[] = [];
    let text = "";
    const flush = () => {
      if (text) out.push(text);
      text = "";
    };
    while (i < message.length) {
      const c = message[i];
      if (c === "'") {
        if (message[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (message[i + 1] === "{" || message[i + 1] === "}" || (inPlural && message[i + 1] === "#")) {
          const end = message.indexOf("'", i + 1);
          text += message.slice(i + 1, end < 0 ? message.length : end);
          i = end < 0 ? message.length : end + 1;
        } else {
          text += c;
          i++;
        }
      } else if (c === "{") {
        flush();
        i++;
        const arg = name();
        if (message[i] === "}") {
          i++;
          out.push({ arg });
        } else if (message[i] === ",") {
          i++;
          const kind = name();
          if (kind !== "plural" || message[i] !== ",") fail(`unsupported argument type "${kind}"`);
          i++;
          const branches = new Map<string, Node[]>();
          for (;;) {
            const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(message.slice(i));
            if (!m) break;
            i += m[0].length;
            branches.set(m[1], nodes(true, true));
          }
          const end = /^\s*\}/.exec(message.slice(i));
          if (!end || !branches.has("other")) fail("a plural needs an `other` branch and a closing brace");
          i += end![0].length;
          out.push({ plural: arg, branches });
        } else fail("expected } or ,");
      } else if (c === "}") {
        if (!closing) fail("unexpected }");
        i++;
        flush();
        return out;
      } else if (c === "#" && inPlural) {
        flush();
        out.push({ hash: true });
        i++;
      } else {
        text += c;
        i++;
      }
    }
    if (closing) fail("missing }");
    flush();
    return out;
  };
  return nodes(false, false);
}

const parsed = new Map<string, Node[]>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function once<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = make()));
  return v;
}

function render(nodes: Node[], locale: string, values: IcuValues, n: number | null): string {
  let out = "";
  for (const node of nodes) {
    if (typeof node === "string") out += node;
    else if ("hash" in node) out += once(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(n ?? 0);
    else if ("arg" in node) {
      const v = values[node.arg];
      if (v === undefined) throw new Error(`the value of "${node.arg}" is missing`);
      out += String(v);
    } else {
      const v = values[node.plural];
      if (typeof v !== "number") throw new Error(`the value of "${node.plural}" must be a number`);
      const rule = once(pluralRules, locale, () => new Intl.PluralRules(locale)).select(v);
      const branch = node.branches.get(`=${v}`) ?? node.branches.get(rule) ?? node.branches.get("other")!;
      out += render(branch, locale, values, v);
    }
  }
  return out;
}

/** `message` with `values` filled in, for `locale`; throws on a message or values it cannot format. */
export function formatIcu(message: string, locale: string, values: IcuValues = {}): string {
  return render(
    once(parsed, message, () => parse(message)),
    locale,
    values,
    null,
  );
}
