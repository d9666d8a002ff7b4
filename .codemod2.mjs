// ../../../tmp/cm/codemod2.ts
import { readFileSync, writeFileSync } from "node:fs";
import ts2 from "typescript";

// tests/i18n/literal-strings.ts
import ts from "typescript";
var TEXT_ATTRIBUTES = /* @__PURE__ */ new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "summary"
]);
var NON_TEXT_ATTRIBUTES = /^(className|class|id|key|ref|style|href|src|srcSet|type|role|name|htmlFor|rel|target|autoComplete|inputMode|pattern|lang|dir|method|accept|encType|form|list|headers|value|defaultValue|tabIndex|width|height|min|max|step|loading|decoding|referrerPolicy|sandbox|allow|as|mode|variant|size|kind|view|tone|icon|data-[\w-]+|aria-(?!label|description|placeholder|roledescription|valuetext)[\w-]+)$/;
var TEXT_PROPERTIES = /^(label|title|message|text|description|placeholder|hint|heading|summary|notice|error|caption|help|helpText|emptyText|ariaLabel|contextMessage|confirm|question|prompt|tooltip|detail|body|subject|buttonLabel|action|undoLabel)$/;
var DIALOG_CALLS = /* @__PURE__ */ new Set(["confirm", "alert", "prompt"]);
var NON_TEXT_CALLS = /* @__PURE__ */ new Set([
  "t",
  "plural",
  "getMessage",
  "msg",
  "querySelector",
  "querySelectorAll",
  "closest",
  "matches",
  "createElement",
  "createElementNS",
  "getAttribute",
  "setAttribute",
  "hasAttribute",
  "removeAttribute",
  "toggleAttribute",
  "addEventListener",
  "removeEventListener",
  "dispatchEvent",
  "getElementById",
  "getElementsByClassName",
  "getElementsByTagName",
  "add",
  "remove",
  "toggle",
  "contains",
  "replace",
  "includes",
  "startsWith",
  "endsWith",
  "indexOf",
  "split",
  "join",
  "padStart",
  "padEnd",
  "fetch",
  "URL",
  "RegExp",
  "Set",
  "Map",
  "require",
  "import",
  "useState",
  "get",
  "has",
  "delete",
  "postMessage",
  "sendMessage",
  "create",
  // checked separately for notification/menu objects
  "define",
  "defineProperty",
  "attachShadow",
  "matchMedia",
  "setProperty",
  "getPropertyValue",
  "structuredClone",
  "where",
  "equals",
  "anyOf",
  "orderBy",
  "sortBy",
  "table",
  "openTab",
  "rejected",
  "getURL",
  "debug",
  "info",
  "warn",
  "log",
  "error"
]);
function readsAsText(raw) {
  const s = raw.trim();
  if (!/\p{L}/u.test(s)) return false;
  if (/^[a-z][\w+.-]*:\/\//i.test(s) || /^(mailto|data|blob|chrome|about|urn):/i.test(s)) return false;
  if (/^[./#@~]/.test(s) && !/\s/.test(s)) return false;
  if (/[{};]/.test(s) && /:/.test(s)) return false;
  if (/^[\w-]+(\s*,\s*[\w-]+)*$/.test(s) && /[-_]/.test(s) && !/\s\p{L}/u.test(s)) return false;
  if (/^\p{Lu}[\p{Lu}\d_]*$/u.test(s)) return false;
  if (/^\p{Lu}\p{Ll}+(\p{Lu}\p{Ll}+)+$/u.test(s)) return false;
  if (/^[\p{Ll}\d_-]+(\.[\p{Ll}\d_-]+)+$/u.test(s)) return false;
  if (/\p{L}{2,}[\s\u00a0]+\p{L}/u.test(s)) {
    if (/^[a-z0-9_-]+(\s+[a-z0-9_:-]+)+$/.test(s) && /-/.test(s)) return false;
    return true;
  }
  if (/^\p{Lu}\p{Ll}/u.test(s)) return true;
  if (/\s/.test(s) && /[.!?…:]$/.test(s) && /\p{L}{2}/u.test(s)) return true;
  return false;
}
function hasLetters(s) {
  return /\p{L}/u.test(s);
}
function calleeName(call) {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return "";
}
function calleeText(call, sf) {
  return call.expression.getText(sf);
}
function attrName(name) {
  return ts.isIdentifier(name) ? name.text : `${name.namespace.text}:${name.name.text}`;
}
var STRINGISH = (n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);
function literalText(n) {
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join("\u2026");
  return n.text;
}
function valueStrings(expr, out = []) {
  if (!expr) return out;
  if (STRINGISH(expr)) out.push(expr);
  else if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr)) valueStrings(expr.expression, out);
  else if (ts.isConditionalExpression(expr)) {
    valueStrings(expr.whenTrue, out);
    valueStrings(expr.whenFalse, out);
  } else if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) {
      valueStrings(expr.left, out);
      valueStrings(expr.right, out);
    } else if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      valueStrings(expr.left, out);
      valueStrings(expr.right, out);
    } else if (op === ts.SyntaxKind.AmpersandAmpersandToken) valueStrings(expr.right, out);
  } else if (ts.isArrayLiteralExpression(expr)) for (const e of expr.elements) valueStrings(e, out);
  return out;
}
function ignoredLines(sf) {
  const lines = /* @__PURE__ */ new Set();
  sf.text.split("\n").forEach((line, i) => {
    if (/i18n-ignore:\s*\S/.test(line)) {
      lines.add(i + 1);
      if (/^\s*(\/\/|\/\*|\{\s*\/\*)/.test(line)) lines.add(i + 2);
    }
  });
  return lines;
}
function findLiteralStrings(fileName, source) {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  const ignored = ignoredLines(sf);
  const report = (node, what, text) => {
    if (seen.has(node)) return;
    seen.add(node);
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    if (ignored.has(line + 1)) return;
    findings.push({ start: node.getStart(sf), end: node.getEnd(), line: line + 1, column: character + 1, kind: what, text: text.replace(/\s+/g, " ").trim() });
  };
  const reportValues = (expr, what, test = hasLetters) => {
    for (const n of valueStrings(expr)) {
      const text = literalText(n);
      if (test(text)) report(n, what, text);
      else seen.add(n);
    }
  };
  const skip = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return true;
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return true;
    if (ts.isExternalModuleReference(node)) return true;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node);
      const full = calleeText(node, sf);
      if (/^console\./.test(full)) return true;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
      if (name === "create" && /notifications|contextMenus|menus/.test(full)) return false;
      if (NON_TEXT_CALLS.has(name) && !DIALOG_CALLS.has(name)) {
        for (const a of node.arguments ?? []) if (STRINGISH(a)) seen.add(a);
        return false;
      }
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if ([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(op)) {
        for (const side of [node.left, node.right]) if (STRINGISH(side)) seen.add(side);
      }
    }
    if (ts.isCaseClause(node) && STRINGISH(node.expression)) seen.add(node.expression);
    if (ts.isElementAccessExpression(node) && STRINGISH(node.argumentExpression)) seen.add(node.argumentExpression);
    if (ts.isPropertyAssignment(node) && STRINGISH(node.name)) seen.add(node.name);
    if (ts.isTaggedTemplateExpression(node)) return true;
    return false;
  };
  const visit = (node) => {
    if (skip(node)) return;
    if (ts.isJsxText(node)) {
      if (hasLetters(node.text)) report(node, "JSX text", node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = attrName(node.name);
      const init = node.initializer;
      if (init && TEXT_ATTRIBUTES.has(name)) {
        if (ts.isStringLiteral(init)) {
          if (hasLetters(init.text)) report(init, `${name}=`, init.text);
        } else if (ts.isJsxExpression(init)) reportValues(init.expression, `${name}=`);
      } else if (init && NON_TEXT_ATTRIBUTES.test(name)) {
        if (ts.isStringLiteral(init)) seen.add(init);
        else if (ts.isJsxExpression(init)) for (const n of valueStrings(init.expression)) seen.add(n);
      } else if (init) {
        if (ts.isStringLiteral(init)) {
          if (readsAsText(init.text)) report(init, `${name}=`, init.text);
          else seen.add(init);
        } else if (ts.isJsxExpression(init)) reportValues(init.expression, `${name}=`, readsAsText);
      }
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      reportValues(node.expression, "JSX child");
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const full = calleeText(node, sf);
      if (DIALOG_CALLS.has(name) && (ts.isIdentifier(node.expression) || /^(window|globalThis|self)\./.test(full))) {
        reportValues(node.arguments[0], `${name}()`);
      }
      if (name === "create" && /notifications|contextMenus|menus/.test(full)) {
        for (const arg of node.arguments) {
          if (!ts.isObjectLiteralExpression(arg)) continue;
          for (const p of arg.properties) {
            if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && /^(title|message|contextMessage)$/.test(p.name.text)) {
              reportValues(p.initializer, `${full}({ ${p.name.text} })`);
            } else if (ts.isPropertyAssignment(p) && STRINGISH(p.initializer)) seen.add(p.initializer);
          }
        }
      }
    } else if (ts.isPropertyAssignment(node)) {
      const key = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : "";
      if (TEXT_PROPERTIES.test(key)) reportValues(node.initializer, `${key}:`, readsAsText);
    } else if (STRINGISH(node)) {
      const text = literalText(node);
      if (!seen.has(node) && readsAsText(text)) report(node, "string", text);
      seen.add(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

// ../../../tmp/cm/codemod2.ts
var root = "/work/wt/i12b/";
var files = process.argv.slice(2);
var camel = (s) => {
  const words = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\{\w+\}/g, " ").replace(/[’']/g, "").split(/[^A-Za-z0-9]+/).filter(Boolean).slice(0, 6);
  return words.map((w, i) => i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()).join("") || "text";
};
var nsOf = (f) => {
  const base = f.split("/").pop().replace(/\.tsx?$/, "");
  const name = base === "App" || base === "index" || base === "main" ? f.split("/").at(-2).replace(/\..*$/, "") : base;
  return name.replace(/[-.](\w)/g, (_, c) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase());
};
function cleanJsx(text) {
  const lines = text.split(/\r\n|\n|\r/);
  let lastNonEmpty = 0;
  lines.forEach((l, i) => {
    if (/[^ \t]/.test(l)) lastNonEmpty = i;
  });
  let str = "";
  lines.forEach((line, i) => {
    let l = line.replace(/\t/g, " ");
    if (i !== 0) l = l.replace(/^[ ]+/, "");
    if (i !== lines.length - 1) l = l.replace(/[ ]+$/, "");
    if (l) {
      if (i !== lastNonEmpty) l += " ";
      str += l;
    }
  });
  return str;
}
var yml = readFileSync(root + "locales/en.yml", "utf8");
var usedKeys = /* @__PURE__ */ new Set();
{
  let ns = "";
  for (const line of yml.split("\n")) {
    const top = /^([A-Za-z0-9_]+):\s*(.*)$/.exec(line);
    const sub = /^  ([A-Za-z0-9_]+):/.exec(line);
    if (top) {
      ns = top[2] ? "" : top[1];
      if (top[2]) usedKeys.add(top[1]);
    } else if (sub && ns) usedKeys.add(`${ns}.${sub[1]}`);
  }
}
var added = {};
for (const f of files) {
  const src = readFileSync(root + f, "utf8");
  const sf = ts2.createSourceFile(f, src, ts2.ScriptTarget.Latest, true, f.endsWith(".tsx") ? ts2.ScriptKind.TSX : ts2.ScriptKind.TS);
  const findings = findLiteralStrings(f, src);
  const starts = new Set(findings.map((x) => x.start));
  const ns = nsOf(f);
  const edits = [];
  const keyFor = (text) => {
    const base = `${ns}.${camel(text)}`;
    let key = base;
    let i = 2;
    while (usedKeys.has(key)) key = `${base}${i++}`;
    usedKeys.add(key);
    (added[ns] ??= []).push([key.slice(ns.length + 1), text]);
    return key;
  };
  const nameOf = (e) => {
    if (ts2.isIdentifier(e)) return e.text;
    if (ts2.isPropertyAccessExpression(e)) return e.name.text === "length" ? "count" : e.name.text;
    if (ts2.isCallExpression(e)) {
      const n = ts2.isIdentifier(e.expression) ? e.expression.text : ts2.isPropertyAccessExpression(e.expression) ? e.expression.name.text : "value";
      return n.replace(/^(format|get)/, "").replace(/^\w/, (c) => c.toLowerCase()) || "value";
    }
    if (ts2.isNonNullExpression(e) || ts2.isParenthesizedExpression(e)) return nameOf(e.expression);
    if (ts2.isElementAccessExpression(e)) return "value";
    return "value";
  };
  const build = (parts) => {
    const names = /* @__PURE__ */ new Map();
    let msg = "";
    const subs = [];
    for (const p of parts) {
      if (typeof p === "string") {
        msg += p;
        continue;
      }
      let name = nameOf(p);
      const text = p.getText(sf);
      if (!/^[A-Za-z_]\w*$/.test(name)) name = "value";
      let n = name;
      let i = 2;
      while (names.has(n) && names.get(n) !== text) n = `${name}${i++}`;
      if (!names.has(n)) {
        names.set(n, text);
        subs.push(n === text ? n : `${n}: ${text}`);
      }
      msg += `{${n}}`;
    }
    return { msg, subs };
  };
  const call = (msg, subs) => `t('${keyFor(msg)}'${subs.length ? `, { ${subs.join(", ")} }` : ""})`;
  const simple = (e) => !(function has(n) {
    if (ts2.isJsxElement(n) || ts2.isJsxSelfClosingElement(n) || ts2.isJsxFragment(n) || ts2.isStringLiteral(n) || ts2.isTemplateExpression(n) || ts2.isNoSubstitutionTemplateLiteral(n) || ts2.isArrowFunction(n)) return true;
    return ts2.forEachChild(n, has) ?? false;
  })(e);
  const doneParents = /* @__PURE__ */ new Set();
  const visit = (n) => {
    const start = n.getStart(sf);
    if (ts2.isTemplateExpression(n) && starts.has(start)) {
      const parts = [n.head.text];
      let ok = true;
      for (const s2 of n.templateSpans) {
        if (!simple(s2.expression)) ok = false;
        parts.push(s2.expression, s2.literal.text);
      }
      if (ok) {
        const { msg, subs } = build(parts);
        const inAttr = ts2.isJsxExpression(n.parent) && ts2.isJsxAttribute(n.parent.parent);
        edits.push({ start, end: n.getEnd(), text: call(msg, subs) });
        void inAttr;
        return;
      }
    }
    if (ts2.isJsxText(n) && starts.has(start) && !doneParents.has(n.parent)) {
      const parent = n.parent;
      if (ts2.isJsxElement(parent) || ts2.isJsxFragment(parent)) {
        const kids = parent.children;
        const ok = kids.every((c) => ts2.isJsxText(c) || ts2.isJsxExpression(c) && c.expression && (simple(c.expression) || ts2.isStringLiteral(c.expression) && !/\p{L}/u.test(c.expression.text)));
        if (ok) {
          doneParents.add(parent);
          const parts = [];
          for (const c of kids) {
            if (ts2.isJsxText(c)) parts.push(cleanJsx(c.text));
            else {
              const e = c.expression;
              if (ts2.isStringLiteral(e)) parts.push(e.text);
              else parts.push(e);
            }
          }
          const { msg, subs } = build(parts);
          const trimmed = msg.trim();
          const first = kids[0], last = kids[kids.length - 1];
          const lead = msg.length - msg.trimStart().length ? " " : "";
          const trail = msg.length - msg.trimEnd().length ? " " : "";
          const s0 = first.getStart(sf), s1 = last.getEnd();
          const leadWs = ts2.isJsxText(first) && /\n/.test(first.text.slice(0, first.text.length - first.text.trimStart().length)) ? first.text.slice(0, first.text.length - first.text.trimStart().length) : "";
          const trailWs = ts2.isJsxText(last) && /\n/.test(last.text.slice(last.text.trimEnd().length)) ? last.text.slice(last.text.trimEnd().length) : "";
          const sub = subs.length ? `, { ${subs.join(", ")} }` : "";
          const body = `{t('${keyFor(trimmed)}'${sub})}`;
          const wrapped = (lead && !leadWs ? "{' '}" : "") + body + (trail && !trailWs ? "{' '}" : "");
          edits.push({ start: s0, end: s1, text: leadWs + wrapped + trailWs });
          return;
        }
      }
    }
    ts2.forEachChild(n, visit);
  };
  visit(sf);
  if (!edits.length) continue;
  let s = src;
  for (const e of edits.sort((a, b) => b.start - a.start)) s = s.slice(0, e.start) + e.text + s.slice(e.end);
  if (!/import \{[^}]*\bt\b[^}]*\} from '@\/utils\/i18n'/.test(s)) {
    const imports = [...s.matchAll(/^import [\s\S]*?from '[^']+';\n/gm)];
    const last = imports.at(-1);
    const at = last ? last.index + last[0].length : 0;
    s = s.slice(0, at) + "import { t } from '@/utils/i18n';\n" + s.slice(at);
  }
  writeFileSync(root + f, s);
  console.log(`${f}: ${edits.length}`);
}
for (const [ns, entries] of Object.entries(added)) {
  const lines = entries.map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join("\n");
  const re = new RegExp(`^${ns}:\\n((?:  .*\\n)*)`, "m");
  if (re.test(yml)) yml = yml.replace(re, (m) => m + lines + "\n");
  else yml += `${ns}:
${lines}
`;
}
writeFileSync(root + "locales/en.yml", yml);
