import ts from 'typescript';

/** Globals that reach outside a pure module: host APIs, timers and the clock. */
const FORBIDDEN_GLOBALS = new Set([
  'process',
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'requestAnimationFrame',
  'fetch',
  'require',
  'Buffer',
  '__dirname',
  '__filename',
  'globalThis',
  'self',
]);

export interface ModuleReference {
  readonly specifier: string;
  readonly line: number;
}

export interface BoundaryFinding {
  readonly line: number;
  readonly what: string;
}

export interface ScanResult {
  /** Every module this file reaches: import, export-from, import(), import type, import = require(). */
  readonly references: ModuleReference[];
  /** Clock reads, randomness and host globals, plus imports whose target cannot be known. */
  readonly findings: BoundaryFinding[];
}

/** Is this identifier a value reference, rather than a property name or a declaration? */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent)) &&
    parent.name === node
  )
    return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node)
    return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent)) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  return true;
}

const isIdentifierNamed = (node: ts.Node, name: string): boolean => ts.isIdentifier(node) && node.text === name;

/** Parses one TypeScript source (not type-checked) and lists what it reaches. */
export function scanSource(fileName: string, text: string): ScanResult {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const references: ModuleReference[] = [];
  const findings: BoundaryFinding[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const addSpecifier = (node: ts.Node, expression: ts.Node | undefined, how: string) => {
    if (expression !== undefined && ts.isStringLiteralLike(expression)) references.push({ specifier: expression.text, line: lineOf(node) });
    else findings.push({ line: lineOf(node), what: `${how} with a computed specifier` });
  };

  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      addSpecifier(node, node.moduleSpecifier, 'import');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      addSpecifier(node, node.moduleReference.expression, 'import = require()');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      addSpecifier(node, node.arguments[0], 'dynamic import()');
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      addSpecifier(node, ts.isLiteralTypeNode(arg) ? arg.literal : undefined, 'import() type');
    } else if (ts.isPropertyAccessExpression(node) && isIdentifierNamed(node.expression, 'Date') && node.name.text === 'now') {
      findings.push({ line: lineOf(node), what: 'Date.now reads the clock' });
    } else if (ts.isPropertyAccessExpression(node) && isIdentifierNamed(node.expression, 'Math') && node.name.text === 'random') {
      findings.push({ line: lineOf(node), what: 'Math.random is unseeded randomness' });
    } else if (ts.isNewExpression(node) && isIdentifierNamed(node.expression, 'Date') && (node.arguments?.length ?? 0) === 0) {
      findings.push({ line: lineOf(node), what: 'new Date() without arguments reads the clock' });
    } else if (ts.isCallExpression(node) && isIdentifierNamed(node.expression, 'Date')) {
      findings.push({ line: lineOf(node), what: 'Date() reads the clock' });
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isReference(node)) {
      findings.push({ line: lineOf(node), what: `uses the host global ${node.text}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { references, findings };
}
