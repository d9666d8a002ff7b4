/**
 * Finds user-visible text written as literals in source files instead of
 * i18n messages (issue #12, "Language"): JSX text, the attributes people read
 * or hear (aria-label, title, placeholder, alt, label…), text a component
 * renders from an expression, confirm()/alert() texts, notification and
 * context-menu titles, messages and labels in objects, and any other string
 * that reads as prose. Class names, test ids, keys, URLs, selectors, CSS,
 * comparisons, type literals, console output and message keys are not text.
 *
 * Parsing only (TypeScript's parser, no type checker): fast enough to run on
 * every file in a unit test. A line that must keep a literal says why with a
 * `i18n-ignore: <reason>` comment on that line or the line before.
 */
import ts from 'typescript';

export interface Finding {
  /** Offsets of the literal in the source. */
  start: number;
  end: number;
  line: number;
  column: number;
  kind: string;
  text: string;
}

/** Attributes a person reads or a screen reader speaks. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'summary',
]);

/** Attributes that never hold text for people: checked by no rule. */
const NON_TEXT_ATTRIBUTES = /^(className|class|id|key|ref|style|href|src|srcSet|type|role|name|htmlFor|rel|target|autoComplete|inputMode|pattern|lang|dir|method|accept|encType|form|list|headers|value|defaultValue|tabIndex|width|height|min|max|step|loading|decoding|referrerPolicy|sandbox|allow|as|mode|variant|size|kind|view|tone|icon|data-[\w-]+|aria-(?!label|description|placeholder|roledescription|valuetext)[\w-]+)$/;

/** Object properties whose string values are shown to people. */
const TEXT_PROPERTIES = /^(label|title|message|text|description|placeholder|hint|heading|summary|notice|error|caption|help|helpText|emptyText|ariaLabel|contextMessage|confirm|question|prompt|tooltip|detail|body|subject|buttonLabel|action|undoLabel)$/;

/** Calls whose first argument is shown to the user as is. */
const DIALOG_CALLS = new Set(['confirm', 'alert', 'prompt']);

/** Calls whose string arguments are message keys, selectors, event names… never text. */
const NON_TEXT_CALLS = new Set([
  't',
  'plural',
  'getMessage',
  'msg',
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'createElement',
  'createElementNS',
  'getAttribute',
  'setAttribute',
  'hasAttribute',
  'removeAttribute',
  'toggleAttribute',
  'addEventListener',
  'removeEventListener',
  'dispatchEvent',
  'getElementById',
  'getElementsByClassName',
  'getElementsByTagName',
  'add',
  'remove',
  'toggle',
  'contains',
  'replace',
  'includes',
  'startsWith',
  'endsWith',
  'indexOf',
  'split',
  'join',
  'padStart',
  'padEnd',
  'fetch',
  'URL',
  'RegExp',
  'Set',
  'Map',
  'require',
  'import',
  'useState',
  'get',
  'has',
  'delete',
  'postMessage',
  'sendMessage',
  'create', // checked separately for notification/menu objects
  'define',
  'defineProperty',
  'attachShadow',
  'matchMedia',
  'setProperty',
  'getPropertyValue',
  'structuredClone',
  'where',
  'equals',
  'anyOf',
  'orderBy',
  'sortBy',
  'table',
  'openTab',
  'rejected',
  'getURL',
  'debug',
  'info',
  'warn',
  'log',
  'error',
  // A broken invariant's message is for developers, never shown (utils/core/internal-error.ts).
  'InternalError',
]);

/** Does this string read as words for people? One capitalised word, two words, or a sentence mark. */
export function readsAsText(raw: string): boolean {
  const s = raw.trim();
  if (!/\p{L}/u.test(s)) return false;
  if (/^[a-z][\w+.-]*:\/\//i.test(s) || /^(mailto|data|blob|chrome|about|urn):/i.test(s)) return false; // URLs
  if (/^[./#@~]/.test(s) && !/\s/.test(s)) return false; // paths, selectors, ids
  if ((/[{}]/.test(s) && /:/.test(s)) || /^\s*([\w-]+\s*:\s*[^;:]+;\s*)+$/.test(s)) return false; // CSS
  if (/^[\w-]+(\s*,\s*[\w-]+)*$/.test(s) && /[-_]/.test(s) && !/\s\p{L}/u.test(s)) return false; // keys like 'save-profile'
  if (/^\p{Lu}[\p{Lu}\d_]*$/u.test(s)) return false; // CONSTANT, GET, ID
  if (/^\p{Lu}\p{Ll}+(\p{Lu}\p{Ll}+)+$/u.test(s)) return false; // PascalCase identifiers
  if (/^[\p{Ll}\d_-]+(\.[\p{Ll}\d_-]+)+$/u.test(s)) return false; // dotted keys, file names
  if (/\p{L}{2,}[\s\u00a0]+\p{L}/u.test(s)) {
    // Several words, unless they are class names or selectors (all lowercase-kebab tokens with no sentence mark).
    if (/^[a-z0-9_-]+(\s+[a-z0-9_:-]+)+$/.test(s) && /-/.test(s)) return false;
    return true;
  }
  if (/^\p{Lu}\p{Ll}/u.test(s)) return true; // "Save", "Saved"
  if (/^\p{Lu}[\s\u00a0]+\p{L}{2,}/u.test(s)) return true; // "A request", "I agree"
  if (/\s/.test(s) && /[.!?…:]$/.test(s) && /\p{L}{2}/u.test(s)) return true;
  return false;
}

function hasLetters(s: string): boolean {
  return /\p{L}/u.test(s);
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

function calleeText(call: ts.CallExpression | ts.NewExpression, sf: ts.SourceFile): string {
  return call.expression.getText(sf);
}

function attrName(name: ts.JsxAttributeName): string {
  return ts.isIdentifier(name) ? name.text : `${name.namespace.text}:${name.name.text}`;
}

const STRINGISH = (n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);

/** The literal's text, each ${…} of a template shown as `hole`. */
function literalText(n: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression, hole = '…'): string {
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(hole);
  return n.text;
}

/** Judge a template with a stand-in word for each hole, so "seen ${n} times" reads as the words it is (a lowercase stand-in: a hole that starts a key is not a capitalised word). */
function judged(n: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression, test: (s: string) => boolean): boolean {
  if (test === hasLetters) return hasLetters(literalText(n, ''));
  if (test(literalText(n, 'x'))) return true;
  // A word right next to a hole: `${n} requests`, `seen ${n} times`.
  return ts.isTemplateExpression(n) && [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].some((part, i, parts) => (i > 0 && /^[\s\u00a0(]+\p{L}{2,}/u.test(part)) || (i < parts.length - 1 && /\p{L}{2,}[\s\u00a0]+$/u.test(part)));
}

/**
 * The string literals an expression evaluates to (value positions only): the
 * literal itself, both arms of a conditional, the fallbacks of ||/??/&&, the
 * parts of a + concatenation or template, array elements. Not the operands of
 * comparisons, nor arguments of calls (a call is judged on its own).
 */
function valueStrings(expr: ts.Expression | undefined, out: ts.Node[] = []): ts.Node[] {
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
  } else if (ts.isArrayLiteralExpression(expr)) for (const e of expr.elements) valueStrings(e as ts.Expression, out);
  return out;
}

function ignoredLines(sf: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  sf.text.split('\n').forEach((line, i) => {
    if (/i18n-ignore:\s*\S/.test(line)) {
      lines.add(i + 1);
      // A comment alone on its line covers the next line.
      if (/^\s*(\/\/|\/\*|\{\s*\/\*)/.test(line)) lines.add(i + 2);
    }
  });
  return lines;
}

/** Literal user-visible strings in one TypeScript/TSX source. */
export function findLiteralStrings(fileName: string, source: string): Finding[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const seen = new Set<ts.Node>();
  const ignored = ignoredLines(sf);

  const report = (node: ts.Node, what: string, text: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    // JSX text starts right after the tag: point at its first word.
    const start = ts.isJsxText(node) ? node.pos + (node.text.length - node.text.trimStart().length) : node.getStart(sf);
    const { line, character } = sf.getLineAndCharacterOfPosition(start);
    if (ignored.has(line + 1)) return;
    findings.push({ start: node.getStart(sf), end: node.getEnd(), line: line + 1, column: character + 1, kind: what, text: text.replace(/\s+/g, ' ').trim() });
  };
  const reportValues = (expr: ts.Expression | undefined, what: string, test: (s: string) => boolean = hasLetters) => {
    for (const n of valueStrings(expr)) {
      const text = literalText(n as ts.StringLiteral);
      if (judged(n as ts.StringLiteral, test)) report(n, what, text);
      else seen.add(n);
    }
  };
  /** Nodes whose string literals are never text (keys, selectors, types…): skip their subtree. */
  const skip = (node: ts.Node): boolean => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return true;
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return true;
    if (ts.isExternalModuleReference(node)) return true;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node);
      const full = calleeText(node, sf);
      if (/^console\./.test(full)) return true;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
      if (name === 'create' && /notifications|contextMenus|menus/.test(full)) return false;
      // el.setAttribute('aria-label', '…'): the value is text when the attribute is.
      if (name === 'setAttribute' && node.arguments?.[0] && ts.isStringLiteral(node.arguments[0]) && TEXT_ATTRIBUTES.has(node.arguments[0].text)) {
        seen.add(node.arguments[0]);
        reportValues(node.arguments[1], 'string');
        return false;
      }
      if (NON_TEXT_CALLS.has(name) && !DIALOG_CALLS.has(name)) {
        // The call's own arguments are not text; callbacks passed to it are still searched.
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

  const visit = (node: ts.Node): void => {
    if (skip(node)) return;

    if (ts.isJsxText(node)) {
      if (hasLetters(node.text)) report(node, 'JSX text', node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = attrName(node.name);
      const init = node.initializer;
      if (init && TEXT_ATTRIBUTES.has(name)) {
        if (ts.isStringLiteral(init)) {
          if (hasLetters(init.text)) report(init, `${name}=`, init.text);
        } else if (ts.isJsxExpression(init)) reportValues(init.expression, `${name}=`);
      } else if (init && NON_TEXT_ATTRIBUTES.test(name)) {
        // Class names, ids, keys, URLs: literals here are not text, but calls inside are still searched.
        if (ts.isStringLiteral(init)) seen.add(init);
        else if (ts.isJsxExpression(init)) for (const n of valueStrings(init.expression)) seen.add(n);
      } else if (init) {
        // A component's own prop (e.g. emptyText="…"): text if it reads as text.
        if (ts.isStringLiteral(init)) {
          if (readsAsText(init.text)) report(init, `${name}=`, init.text);
          else seen.add(init);
        } else if (ts.isJsxExpression(init)) reportValues(init.expression, `${name}=`, readsAsText);
      }
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      reportValues(node.expression, 'JSX child');
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const full = calleeText(node, sf);
      if (DIALOG_CALLS.has(name) && (ts.isIdentifier(node.expression) || /^(window|globalThis|self)\./.test(full))) {
        reportValues(node.arguments[0], `${name}()`);
      }
      if (name === 'create' && /notifications|contextMenus|menus/.test(full)) {
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
      const key = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : '';
      if (TEXT_PROPERTIES.test(key)) reportValues(node.initializer, `${key}:`, readsAsText);
    } else if (STRINGISH(node)) {
      const text = literalText(node);
      if (!seen.has(node) && judged(node, readsAsText)) report(node, 'string', text);
      seen.add(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
