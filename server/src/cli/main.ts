#!/usr/bin/env node
// jiaohe: the same diagnostics as the editor, for batch review and CI.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyze, inspectModel, localize, summaryHtml } from '../core';
import { analyzeOptions, configFor, ConfigCache } from '../config/jiaohe-json';
import { checkAll } from './batch';
import { checkBytes, checkFile, failedOutcome, type CheckOptions, type FileOutcome } from './check-file';
import { BUDGETS, overBudget } from '../import/budgets';
import { importFile } from '../import/load';
import { expandPaths } from './files';
import { toHtml } from './output/html';
import { locate, sourcePlace } from './output/positions';
import { toSarif } from './output/sarif';
import { memoFile } from './output/memo-load';
import { compileLessForBatch, keepHeapNearLive } from '../v8-tuning';

const VERSION = '0.1.0';

const USAGE = `usage:
  jiaohe check PATH... [options]
  jiaohe inspect FILE [--format json]

check    reports findings for report files (.txt, .md, and .docx, .html, .pdf read directly) — files,
         folders (searched recursively) or globs ("reports/**/*.txt"). Findings in a .docx, .html or
         .pdf also say where they stand in it ([表格三 第5行 第2列], [第12段], [第3页 第4行]).
         Last year's report of the same body and copied sections are found among the files checked.
  --format text|json|sarif|html|memo
                                  output (default text); memo is the reviewer's reply (审核意见) as
                                  a Word document: a summary table, then per report the problems to
                                  correct and the changes suggested, with where each stands
  --output FILE                   write the output to FILE (html is best written to a file; memo
                                  needs one, e.g. --output 审核意见.docx)
  --lang zh|en                    message language (default from LANG)
  --report-format auto|2019|2021  the format reports must follow (default by the year)
  --ignore GLOB                   skip matching files (repeatable)
  --max-warnings N                exit 1 when there are more than N warnings
  --fix                           apply every unambiguous fix; rewrite only files that changed
  --no-progress                   no progress bar on a terminal
  -  --stdin-filename NAME         check standard input as the file NAME (its extension says how to
                                  read it, its folder which .jiaohe.json applies; default <stdin>.txt)
  --help, -h / --version, -v      this text / the version (on stdout, exit 0)
  Exit 0: no errors; 1: errors (or too many warnings); 2: bad usage or unreadable input.
inspect  prints the report model (sections, tables, cells) as JSON.`;

interface Options {
  command: 'check' | 'inspect';
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'html' | 'memo';
  output?: string;
  lang: 'zh' | 'en';
  reportFormat: 'auto' | '2019' | '2021';
  ignore: string[];
  maxWarnings?: number;
  fix: boolean;
  demo: boolean;
  progress: boolean;
  stdinFilename?: string;
}

class UsageError extends Error {}

function defaultLang(): 'zh' | 'en' {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Asked for help or the version: printed on stdout, exit 0 (as ESLint and markdownlint-cli2 do). */
class InfoRequest extends Error {}

function parseArgs(argv: string[]): Options {
  if (argv.includes('--version') || argv.includes('-v')) throw new InfoRequest(VERSION);
  if (argv.includes('--help') || argv.includes('-h')) throw new InfoRequest(USAGE);
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('');
  if (command !== 'check' && command !== 'inspect') throw new UsageError(`unknown command '${command}'`);
  const options: Options = { command, paths: [], format: command === 'inspect' ? 'json' : 'text', lang: defaultLang(), reportFormat: 'auto', ignore: [], fix: false, demo: false, progress: true };
  const oneOf = <T extends string>(flag: string, v: string, allowed: readonly T[]): T => {
    if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be ${allowed.join(', ')}, not '${v}'`);
    return v as T;
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format') options.format = oneOf(arg, value(), command === 'inspect' ? (['json'] as const) : (['text', 'json', 'sarif', 'html', 'memo'] as const));
    else if (arg === '--output' || arg === '-o') options.output = value();
    else if (arg === '--lang') options.lang = oneOf(arg, value(), ['zh', 'en'] as const);
    else if (arg === '--report-format') options.reportFormat = oneOf(arg, value(), ['auto', '2019', '2021'] as const);
    else if (arg === '--ignore') options.ignore.push(value());
    else if (arg === '--max-warnings') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-warnings takes a whole number');
      options.maxWarnings = n;
    } else if (arg === '--fix') options.fix = true;
    else if (arg === '--demo') options.demo = true;
    else if (arg === '--no-progress') options.progress = false;
    else if (arg === '--stdin-filename') options.stdinFilename = value();
    else if (arg === '-') options.paths.push(arg);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) throw new UsageError(`${command} needs at least one path`);
  if (command === 'inspect' && options.paths.length !== 1) throw new UsageError('inspect takes exactly one file');
  if (options.paths.includes('-')) {
    if (command !== 'check' || options.paths.length !== 1) throw new UsageError("'-' (standard input) is checked on its own: jiaohe check - [--stdin-filename NAME]");
    if (options.fix) throw new UsageError('--fix cannot rewrite standard input: check the file itself');
  } else if (options.stdinFilename !== undefined) throw new UsageError("--stdin-filename goes with '-' (standard input)");
  if (options.format === 'memo' && !options.output) throw new UsageError('--format memo writes a Word document: give it a file, e.g. --output 审核意见.docx');
  return options;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The closing line: "3 files, 1 error, 2 warnings, 1 not a report (skipped), 1 could not be read in 0.41 s". */
function summaryLine(lang: 'zh' | 'en', files: number, errors: number, warnings: number, skipped: number, refused: number, seconds: number): string {
  if (lang === 'zh') {
    return `${files} 个文件，${errors} 个错误，${warnings} 个警告${skipped ? `，${skipped} 个不是年报（已跳过）` : ''}${refused ? `，${refused} 个无法读取` : ''}，用时 ${seconds.toFixed(2)} 秒\n`;
  }
  const notReports = skipped ? `, ${plural(skipped, 'not a report', 'not reports')} (skipped)` : '';
  const unread = refused ? `, ${refused} could not be read` : '';
  return `${plural(files, 'file', 'files')}, ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}${notReports}${unread} in ${seconds.toFixed(2)} s\n`;
}

/** A one-line progress bar on stderr, only on a terminal and only for long runs. */
function progressBar(enabled: boolean) {
  const tty = enabled && process.stderr.isTTY;
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!tty || total < 20) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    clear() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

/**
 * Output written as it is made, in chunks (stdout, or the --output file): a batch's report is never
 * one string in memory.
 */
class ChunkedOutput {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;
  constructor(file?: string) {
    this.fd = file ? openSync(file, 'w') : 1;
  }
  write(text: string) {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 1 << 16) this.flush();
  }
  private flush() {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.size = 0;
    for (let at = 0; at < bytes.length; ) {
      try {
        at += writeSync(this.fd, bytes, at);
      } catch (error) {
        // A pipe that is full for now (stdout a non-blocking pipe): wait, then go on.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        else if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
        else throw error;
      }
    }
  }
  end() {
    this.flush();
    if (this.fd !== 1) closeSync(this.fd);
  }
}

function emit(options: Options, text: string) {
  const out = new ChunkedOutput(options.output);
  out.write(text);
  out.end();
}

/** Standard input, read whole (up to the file budget) and checked as the file `name`. */
async function checkStdin(name: string, options: CheckOptions, render?: Parameters<typeof checkBytes>[3]) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BUDGETS.fileBytes) return failedOutcome(name, localize(overBudget('fileBytes').reason, options.lang ?? 'en'));
    chunks.push(chunk);
  }
  return checkBytes(name, Buffer.concat(chunks), options, render);
}

async function check(options: Options): Promise<number> {
  const started = Date.now();
  const stdin = options.paths[0] === '-';
  const { files, errors } = stdin ? { files: [], errors: [] } : expandPaths(options.paths, options.ignore);
  let unreadable = errors.length > 0;
  for (const e of errors) process.stderr.write(`jiaohe: ${e}\n`);
  const bar = progressBar(options.progress);
  const render = options.format === 'html'
    ? (analysis: ReturnType<typeof analyze>) => summaryHtml(analysis, options.lang, null)
    : undefined;
  const checkOptions: CheckOptions = { reportFormat: options.reportFormat, fix: options.fix, lang: options.lang, places: options.format === 'memo' };
  const outcomes = stdin
    ? [await checkStdin(options.stdinFilename ?? '<stdin>.txt', checkOptions, render)]
    : await checkAll(files, { ...checkOptions, summaries: render !== undefined, onProgress: bar.update }, render);
  bar.clear();

  const configErrors = new Set<string>();
  let errorCount = 0;
  let warningCount = 0;
  const textLines: string[] = [];
  for (const o of outcomes) {
    if (o.configError && !configErrors.has(o.configError)) {
      configErrors.add(o.configError);
      process.stderr.write(`jiaohe: ${o.configError}\n`);
    }
    for (const note of o.notes) process.stderr.write(`jiaohe: ${o.file}: ${note}\n`);
    if (o.error) {
      process.stderr.write(`jiaohe: ${o.file}: ${o.error}\n`);
      unreadable = true;
      continue;
    }
    for (const f of o.findings) {
      if (f.severity === 'error') errorCount++;
      else if (f.severity === 'warning') warningCount++;
      const l = locate(o, f);
      const where = sourcePlace(o, f, options.lang);
      textLines.push(`${o.file}:${l.line}:${l.column} ${f.severity} ${f.rule} ${localize(f.message, options.lang)}${where ? ` [${where}]` : ''}\n`);
    }
  }
  const readable = outcomes.filter((o) => !o.error);
  const seconds = (Date.now() - started) / 1000;
  if (options.format === 'text') emit(options, textLines.join(''));
  else if (options.format === 'json') {
    // Exactly the documented shape (an interface others depend on), written a file at a time (the
    // same bytes as one JSON.stringify of the whole array, without holding it).
    // Files that could not be read are listed too, with why: a CI consumer must not see a clean run.
    const refusedJson = outcomes.filter((o) => o.error).map((o) => ({ file: o.file, format: null, year: null, error: o.error, diagnostics: [] }));
    const entry = (o: FileOutcome) => ({
      file: o.file,
      format: o.format,
      year: o.year,
      ...(o.isReport ? {} : { skipped: 'not a report' }),
      diagnostics: o.findings.map((f) => {
        const l = locate(o, f);
        const where = sourcePlace(o, f, options.lang);
        // "source" only for extracted documents: for text reports the shape stays exactly as documented.
        return { rule: f.rule, severity: f.severity, message: localize(f.message, options.lang), line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, ...(where ? { source: where } : {}) };
      }),
    });
    const out = new ChunkedOutput(options.output);
    const items = [...readable.map((o) => () => entry(o)), ...refusedJson.map((r) => () => r)];
    if (items.length === 0) out.write('[]\n');
    // Each item as an element of the array, indented by JSON.stringify itself: "[\n  {…}\n]" less its
    // brackets (a regex indenting every line afterwards cost as much as the stringify).
    const element = (item: unknown) => JSON.stringify([item], null, 2).slice(2, -2);
    items.forEach((item, k) => out.write((k === 0 ? '[\n' : ',\n') + element(item()) + (k === items.length - 1 ? '\n]\n' : '')));
    out.end();
  } else if (options.format === 'sarif') emit(options, JSON.stringify(toSarif(outcomes, options.lang, VERSION), null, 2) + '\n');
  else if (options.format === 'memo') writeFileSync(options.output!, await memoFile(outcomes, options.lang, new Date()));
  else emit(options, toHtml(outcomes, options.lang, seconds));
  process.stderr.write(summaryLine(options.lang, readable.length, errorCount, warningCount, readable.filter((o) => !o.isReport).length, outcomes.length - readable.length + errors.length, seconds));
  if (!stdin && files.length === 0 && errors.length === 0) {
    process.stderr.write(options.lang === 'zh' ? 'jiaohe: 没有找到年报文件\n' : 'jiaohe: no report files found\n');
    return 2;
  }
  if (options.demo) return 0;
  if (unreadable) return 2;
  if (errorCount > 0) return 1;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    process.stderr.write(`jiaohe: ${warningCount} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

async function inspect(options: Options): Promise<number> {
  const file = options.paths[0];
  const loaded = await importFile(file);
  if (!loaded.report) {
    process.stderr.write(`jiaohe: ${file}: ${localize(loaded.error, options.lang)}\n`);
    return 2;
  }
  for (const note of loaded.report.notes) process.stderr.write(`jiaohe: ${file}: ${localize(note, options.lang)}\n`);
  const { model } = analyze(loaded.report.text, analyzeOptions(configFor(file).config, { format: options.reportFormat }));
  process.stdout.write(JSON.stringify(inspectModel(model), null, 2) + '\n');
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof InfoRequest) {
      process.stdout.write(`${e.message}\n`);
      return 0;
    }
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`jiaohe: ${e.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  return options.command === 'check' ? check(options) : inspect(options);
}

/** A worker thread of a batch: checks the files it is sent, one at a time. */
function runWorker() {
  const { options: given } = workerData as { options: CheckOptions & { summaries: boolean } };
  // Each worker reads a folder's .jiaohe.json once.
  const options = { ...given, configs: new ConfigCache() };
  parentPort!.on('message', ({ index, file }: { index: number; file: string }) => {
    checkFile(file, options).then(
      (outcome) => parentPort!.postMessage({ index, outcome }),
      (error) => parentPort!.postMessage({ index, outcome: failedOutcome(file, `internal error: ${String(error)}`) }),
    );
  });
}

if (!isMainThread && (workerData as { jiaoheWorker?: boolean } | undefined)?.jiaoheWorker) {
  runWorker();
} else {
  // Output piped into a reader that stopped early (`| head`): not an error of ours, end quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  keepHeapNearLive();
  compileLessForBatch();
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`jiaohe: internal error: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
