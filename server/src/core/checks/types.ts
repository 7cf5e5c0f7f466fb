// What a check is and what it reports. Checks read the model only; they never see LSP types.
import type { ReportModel } from '../model/types';
import type { Span } from '../text/source';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';

/** Every user-facing text exists in both languages; the type makes a missing one a compile error. */
export interface Message {
  zh: string;
  en: string;
}

export type Locale = 'zh-cn' | 'en';

export interface Related {
  span: Span;
  message: Message;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: Message;
  edits: TextEdit[];
  /** Only when the fix is unambiguous (it is then part of fix-all). */
  preferred: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  span: Span;
  message: Message;
  related: Related[];
  fixes: Fix[];
}

export type FindingInput = Omit<Finding, 'rule' | 'severity' | 'related' | 'fixes'> &
  Partial<Pick<Finding, 'related' | 'fixes'>> & {
    /** A lower severity for this finding alone, used while the rule keeps its default setting. */
    severity?: Severity;
  };

/** Other reports a check may compare with (cross-year, copy-paste): given by the CLI or editor. */
export interface BatchContext {
  previous?: import('../batch/rules').OtherReport;
  peers?: import('../batch/rules').OtherReport[];
}

export interface CheckContext {
  model: ReportModel;
  context?: BatchContext;
  /** The format the report must follow (setting, else by year, else as detected). */
  requiredFormat: import('../templates/types').FormatId | null;
  report(finding: FindingInput): void;
}

export interface Check {
  /** Stable rule id: an interface others depend on. Never reuse one. */
  id: string;
  description: Message;
  defaultSeverity: Severity;
  fixable: boolean;
  run(ctx: CheckContext): void;
}
