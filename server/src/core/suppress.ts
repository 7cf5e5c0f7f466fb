// Suppression: <!-- jiaohe-disable … --> comments in the text, and findings ignored by their
// fingerprint (recorded in .jiaohe.json by the "ignore this finding" action).
import type { Finding } from './checks/types';
import type { SourceText } from './text/source';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  rules: string[] | 'all';
  line: number;
}

const COMMENT = /<!--\s*jiaohe-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

function directives(source: SourceText): Directive[] {
  const out: Directive[] = [];
  if (!source.text.includes('jiaohe-')) return out;
  for (const m of source.text.matchAll(COMMENT)) {
    const rules = m[2].trim().split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Directive['kind'], rules: rules.length ? rules : 'all', line: source.lineOfOffset(m.index!) });
  }
  return out;
}

const covers = (d: Directive, rule: string) => d.rules === 'all' || d.rules.includes(rule);

/** Whether the comments in the text switch `rule` off at `line`. */
function disabledAt(list: Directive[], rule: string, line: number): boolean {
  let off = false;
  for (const d of list) {
    if (!covers(d, rule)) continue;
    if (d.kind === 'disable-file') return true;
    if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
    if (d.kind === 'disable-line' && d.line === line) return true;
    if (d.line > line) continue;
    if (d.kind === 'disable') off = true;
    if (d.kind === 'enable') off = false;
  }
  return off;
}

/** FNV-1a, 32-bit, as 8 hex digits: short and stable. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A finding's fingerprint: its rule, its message and the text it covers — not its line, so it
 * survives edits elsewhere in the report.
 */
export function fingerprint(finding: Finding, source: SourceText): string {
  const covered = source.text.slice(finding.span.start, finding.span.end).replace(/\s+/g, ' ').trim();
  return `${finding.rule}:${hash(`${finding.rule}\u0000${finding.message.en}\u0000${covered}`)}`;
}

export function suppress(findings: Finding[], source: SourceText, ignored: ReadonlySet<string>): Finding[] {
  const list = directives(source);
  if (list.length === 0 && ignored.size === 0) return findings;
  return findings.filter((f) => {
    if (ignored.size > 0 && ignored.has(fingerprint(f, source))) return false;
    return !disabledAt(list, f.rule, source.lineOfOffset(f.span.start));
  });
}
