#!/usr/bin/env node
// jiaohe: the same diagnostics as the editor, for batch review and CI.
import { analyze, fixAll, inspectModel, localize, type Finding } from '../core';
import { analyzeOptions, configFor } from '../config/jiaohe-json';
import { expandPaths, readReport, writeReport } from './files';

const USAGE = `usage:
  jiaohe check PATH... [--format text|json] [--lang zh|en] [--report-format auto|2019|2021] [--fix]
  jiaohe inspect FILE [--format json]

check    reports findings for report files (.txt, .md) and folders (searched recursively).
         Exit 0: no errors; 1: at least one error-severity finding; 2: bad usage or unreadable input.
         --fix applies every unambiguous fix and rewrites only the files that changed.
inspect  prints the report model (sections, tables, cells) as JSON.`;

interface Options {
  command: string;
  paths: string[];
  format: 'text' | 'json';
  lang: 'zh' | 'en';
  reportFormat: 'auto' | '2019' | '2021';
  demo: boolean;
  fix: boolean;
}

class UsageError extends Error {}

function defaultLang(): 'zh' | 'en' {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError('');
  if (command !== 'check' && command !== 'inspect') throw new UsageError(`unknown command '${command}'`);
  const options: Options = { command, paths: [], format: 'text', lang: defaultLang(), reportFormat: 'auto', demo: false, fix: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not '${v}'`);
      options.format = v;
    } else if (arg === '--lang') {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang must be zh or en, not '${v}'`);
      options.lang = v;
    } else if (arg === '--report-format') {
      const v = value();
      if (v !== 'auto' && v !== '2019' && v !== '2021') throw new UsageError(`--report-format must be auto, 2019 or 2021`);
      options.reportFormat = v;
    } else if (arg === '--demo') options.demo = true;
    else if (arg === '--fix') options.fix = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) throw new UsageError(`${command} needs at least one path`);
  if (command === 'inspect' && options.paths.length !== 1) throw new UsageError('inspect takes exactly one file');
  return options;
}

interface FileResult {
  file: string;
  format: string | null;
  year: number | null;
  diagnostics: Array<{
    rule: string;
    severity: Finding['severity'];
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
  }>;
}

function check(options: Options): number {
  const { files, errors } = expandPaths(options.paths);
  let unreadable = errors.length > 0;
  for (const e of errors) process.stderr.write(`jiaohe: ${e}\n`);
  const results: FileResult[] = [];
  let errorCount = 0;
  let warningCount = 0;
  const reportedConfigErrors = new Set<string>();
  for (const file of files) {
    // The nearest .jiaohe.json above the file, as in the editor; the command line wins.
    const loaded = configFor(file);
    if (loaded.error && !reportedConfigErrors.has(loaded.error)) {
      reportedConfigErrors.add(loaded.error);
      process.stderr.write(`jiaohe: ${loaded.error}\n`);
    }
    const analysisOptions = analyzeOptions(loaded.config, { format: options.reportFormat });
    const read = readReport(file);
    if (read.text === undefined) {
      process.stderr.write(`jiaohe: ${file}: ${read.error}\n`);
      unreadable = true;
      continue;
    }
    let text = read.text;
    if (options.fix) {
      const fixed = fixAll(text, analysisOptions);
      if (fixed.text !== text) {
        const error = writeReport(file, fixed.text, read.bom ?? false);
        if (error) {
          process.stderr.write(`jiaohe: ${file}: ${error}\n`);
          unreadable = true;
        } else {
          process.stderr.write(`jiaohe: ${file}: fixed ${fixed.applied} problem(s)\n`);
          text = fixed.text;
        }
      }
    }
    const { model, findings } = analyze(text, analysisOptions);
    const result: FileResult = {
      file,
      format: model.format,
      year: model.year?.value ?? null,
      diagnostics: findings.map((f) => {
        const range = model.source.rangeOf(f.span);
        return {
          rule: f.rule,
          severity: f.severity,
          message: localize(f.message, options.lang),
          line: range.start.line + 1,
          column: range.start.character + 1,
          endLine: range.end.line + 1,
          endColumn: range.end.character + 1,
        };
      }),
    };
    results.push(result);
    for (const d of result.diagnostics) {
      if (d.severity === 'error') errorCount++;
      else if (d.severity === 'warning') warningCount++;
      if (options.format === 'text') {
        process.stdout.write(`${file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}\n`);
      }
    }
  }
  if (options.format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else {
    const summary = `${results.length} files, ${errorCount} errors, ${warningCount} warnings`;
    process.stderr.write(`${summary}\n`);
  }
  if (options.demo) return 0;
  if (unreadable) return 2;
  return errorCount > 0 ? 1 : 0;
}

function inspect(options: Options): number {
  const file = options.paths[0];
  const read = readReport(file);
  if (read.text === undefined) {
    process.stderr.write(`jiaohe: ${file}: ${read.error}\n`);
    return 2;
  }
  const { model } = analyze(read.text, analyzeOptions(configFor(file).config, { format: options.reportFormat }));
  process.stdout.write(JSON.stringify(inspectModel(model), null, 2) + '\n');
  return 0;
}

export function main(argv: string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`jiaohe: ${e.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  return options.command === 'check' ? check(options) : inspect(options);
}

process.exitCode = main(process.argv.slice(2));
