// Last year's report beside the file, for figure-cross-year and content-duplicate in the editor:
// the files of the same folder are read once (and again only when they change on disk).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, bodyName, extractFacts, isPreviousYear, type BatchContext, type ReportFacts, type ReportModel } from '../core';

const MAX_FILES = 300;
const MAX_SIZE = 4 * 1024 * 1024;
const RESCAN_MS = 5000;

interface Cached {
  mtimeMs: number;
  facts: ReportFacts | null;
}

const facts = new Map<string, Cached>();
const listings = new Map<string, { at: number; files: string[] }>();

function listing(dir: string): string[] {
  const now = Date.now();
  const cached = listings.get(dir);
  if (cached && now - cached.at < RESCAN_MS) return cached.files;
  let files: string[] = [];
  try {
    files = fs
      .readdirSync(dir)
      .filter((f) => /\.(txt|md|markdown)$/i.test(f))
      .slice(0, MAX_FILES)
      .map((f) => path.join(dir, f));
  } catch {
    files = [];
  }
  listings.set(dir, { at: now, files });
  return files;
}

function factsOf(file: string): ReportFacts | null {
  try {
    const stat = fs.statSync(file);
    const cached = facts.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached.facts;
    let value: ReportFacts | null = null;
    if (stat.size <= MAX_SIZE) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const { model } = analyze(text, { checks: [] });
      value = model.isReport ? extractFacts(model) : null;
    }
    facts.set(file, { mtimeMs: stat.mtimeMs, facts: value });
    return value;
  } catch {
    return null;
  }
}

/** The context for a report at `file`: last year's report of the same body in the same folder. */
export function siblingContext(file: string, model: ReportModel): BatchContext | undefined {
  const year = model.year?.value;
  const body = bodyName(model.title?.text);
  if (year === undefined || !body) return undefined;
  const current = { body, year } as ReportFacts;
  for (const other of listing(path.dirname(file))) {
    if (other === file) continue;
    const f = factsOf(other);
    if (f && isPreviousYear(current, f)) return { previous: { name: path.basename(other), facts: f } };
  }
  return undefined;
}

export function forgetSiblings(): void {
  facts.clear();
  listings.clear();
}
