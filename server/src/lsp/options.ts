// What an analysis in the editor is asked to do: the editor's settings, overridden by the report's
// .jiaohe.json (as the CLI reads it), last year's report beside the file, the config's "ignores".
// Shared by the server's main thread and its analysis worker.
import type { AnalyzeOptions } from '../core';
import { analyzeOptions, type LoadedConfig } from '../config/jiaohe-json';
import { ignoredByConfig } from '../config/globs';
import { siblingContext } from './siblings';
import type { ServerSettings } from './settings';

export function editorOptions(file: string | undefined, loaded: LoadedConfig, settings: ServerSettings): AnalyzeOptions {
  const options = analyzeOptions(loaded.config, { format: settings.format, rules: settings.rules });
  if (file) options.contextFor = (model) => siblingContext(file, model);
  // A file the .jiaohe.json "ignores" (as the CLI skips it): outline and hovers, no findings.
  if (file && ignoredByConfig(loaded, file)) options.checks = [];
  return options;
}
