// .jiaohe.json: the workspace settings file, honoured identically by the editor and the CLI. Found
// by walking up from the report's folder. A broken file gives one clear message and defaults.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyzeOptions, RuleSetting } from '../core';

export const CONFIG_NAME = '.jiaohe.json';

export interface JiaoheConfig {
  format?: 'auto' | '2019' | '2021';
  rules?: Record<string, RuleSetting>;
  run?: 'onType' | 'onSave';
  inlayHints?: { totals?: 'mismatch' | 'always' | 'off' };
  /** Fingerprints of findings to ignore. */
  ignore?: string[];
  /** Files not to check: globs relative to the folder of the .jiaohe.json ("*.md" at any depth). */
  ignores?: string[];
}

export interface LoadedConfig {
  file?: string;
  config: JiaoheConfig;
  /** A clear message when the file exists but cannot be used. */
  error?: string;
}

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** Keeps what is well-formed and names what is not. */
export function validateConfig(raw: unknown): { config: JiaoheConfig; problems: string[] } {
  const problems: string[] = [];
  const config: JiaoheConfig = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { config, problems: ['the file must hold a JSON object'] };
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!['format', 'rules', 'run', 'inlayHints', 'ignore', 'ignores', '$schema'].includes(key)) problems.push(`unknown key "${key}"`);
  }
  if (r.format !== undefined) {
    if (r.format === 'auto' || r.format === '2019' || r.format === '2021') config.format = r.format;
    else problems.push('"format" must be "auto", "2019" or "2021"');
  }
  if (r.run !== undefined) {
    if (r.run === 'onType' || r.run === 'onSave') config.run = r.run;
    else problems.push('"run" must be "onType" or "onSave"');
  }
  if (r.rules !== undefined) {
    if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
      config.rules = {};
      for (const [k, v] of Object.entries(r.rules)) {
        if (typeof v === 'string' && SEVERITIES.has(v)) config.rules[k] = v as RuleSetting;
        else problems.push(`rule "${k}": severity must be off, hint, information, warning or error`);
      }
    } else problems.push('"rules" must be an object of rule → severity');
  }
  const hints = (r.inlayHints as Record<string, unknown> | undefined)?.totals;
  if (hints !== undefined) {
    if (hints === 'mismatch' || hints === 'always' || hints === 'off') config.inlayHints = { totals: hints };
    else problems.push('"inlayHints.totals" must be "mismatch", "always" or "off"');
  }
  if (r.ignore !== undefined) {
    if (Array.isArray(r.ignore) && r.ignore.every((x) => typeof x === 'string')) config.ignore = r.ignore as string[];
    else problems.push('"ignore" must be a list of fingerprints');
  }
  if (r.ignores !== undefined) {
    if (Array.isArray(r.ignores) && r.ignores.every((x) => typeof x === 'string')) config.ignores = r.ignores as string[];
    else problems.push('"ignores" must be a list of file patterns');
  }
  return { config, problems };
}

export function findConfigFile(startDir: string): string | undefined {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { file, config: {}, error: `${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { file, config: {}, error: `${file}: not valid JSON (${(e as Error).message}); using the defaults` };
  }
  const { config, problems } = validateConfig(raw);
  return { file, config, error: problems.length ? `${file}: ${problems.join('; ')} (ignored)` : undefined };
}

/** The config that applies to a report file: the nearest .jiaohe.json above it. */
export function configFor(reportFile: string): LoadedConfig {
  const file = findConfigFile(path.dirname(reportFile));
  return file ? loadConfig(file) : { config: {} };
}

/** .jiaohe.json per folder, read once until cleared (in the editor, until a watched-file event says it changed; in a batch, for the run). */
export class ConfigCache {
  private readonly byFolder = new Map<string, LoadedConfig>();

  /** `onRead` sees each config as it is first read (the server warns of a broken one). */
  constructor(private readonly onRead: (loaded: LoadedConfig) => void = () => {}) {}

  of(file: string | undefined): LoadedConfig {
    if (!file) return { config: {} };
    const dir = path.dirname(file);
    let loaded = this.byFolder.get(dir);
    if (!loaded) {
      this.byFolder.set(dir, (loaded = configFor(file)));
      this.onRead(loaded);
    }
    return loaded;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

export function analyzeOptions(config: JiaoheConfig, base: AnalyzeOptions = {}): AnalyzeOptions {
  return {
    ...base,
    format: base.format && base.format !== 'auto' ? base.format : config.format,
    rules: { ...config.rules, ...base.rules },
    ignore: [...(config.ignore ?? []), ...(base.ignore ?? [])],
  };
}

/** Adds a fingerprint to the ignore list of a .jiaohe.json, creating the file when needed. */
export function addIgnored(configFile: string, fingerprint: string): void {
  let raw: Record<string, unknown> = {};
  if (fs.existsSync(configFile)) {
    raw = JSON.parse(fs.readFileSync(configFile, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
  }
  const list = Array.isArray(raw.ignore) ? (raw.ignore as string[]) : [];
  if (!list.includes(fingerprint)) list.push(fingerprint);
  raw.ignore = list;
  fs.writeFileSync(configFile, JSON.stringify(raw, null, 2) + '\n', 'utf8');
}
