// ../../../tmp/scan.ts
import { readFileSync, readdirSync, statSync } from "node:fs";

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
  if (/[{}]/.test(s) && /:/.test(s) || /^\s*([\w-]+\s*:\s*[^;:]+;\s*)+$/.test(s)) return false;
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
function literalText(n, hole = "\u2026") {
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(hole);
  return n.text;
}
function judged(n, test) {
  if (test === hasLetters) return hasLetters(literalText(n, ""));
  if (test(literalText(n, "X"))) return true;
  return ts.isTemplateExpression(n) && [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].some((part, i, parts) => i > 0 && /^[\s\u00a0(]+\p{L}{2,}/u.test(part) || i < parts.length - 1 && /\p{L}{2,}[\s\u00a0]+$/u.test(part));
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
      if (judged(n, test)) report(n, what, text);
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
      if (!seen.has(node) && judged(node, readsAsText)) report(node, "string", text);
      seen.add(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

// ../../../tmp/scan.ts
var root = "/work/wt/i12b/";
var walk = (d) => readdirSync(root + d).flatMap((n) => statSync(root + d + "/" + n).isDirectory() ? walk(d + "/" + n) : [d + "/" + n]);
var files = [...walk("components"), ...walk("entrypoints")].filter((f) => /\.tsx?$/.test(f) && !/\.test\.|\.d\.ts$/.test(f)).sort();
var total = 0;
var counts = {};
for (const f of files) {
  const found = findLiteralStrings(f, readFileSync(root + f, "utf8"));
  counts[f] = found.length;
  total += found.length;
  if (process.argv[2] && !f.includes(process.argv[2])) continue;
  for (const x of found) console.log(`${f}:${x.line}:${x.column} ${x.kind} ${JSON.stringify(x.text)}`);
}
if (!process.argv[2]) {
  console.log(Object.entries(counts).filter(([, n]) => n).map(([f, n]) => `${n}	${f}`).join("\n"));
  console.log("total", total);
}
