// Public surface of the analysis core. Imports nothing from vscode or vscode-languageserver.
export { analyze, analysedPart, localize, requiredFormat, type Analysis, type AnalyzeOptions } from './analyze';
export { CHECKS, findCheck } from './checks/registry';
export type { Check, Finding, Fix, Locale, Message, RuleSetting, Severity, TextEdit } from './checks/types';
export { buildModel } from './model/build';
export type { ReportModel } from './model/types';
export { inspectModel, type InspectedModel } from './features/inspect';
export { outline, foldingRanges, type OutlineSymbol, type FoldingRange } from './features/outline';
export { SourceText, type Position, type Range, type Span } from './text/source';
export { skeleton, sectionTableText, type SkeletonOptions } from './features/skeleton';
export { applyEdits, fixAll, preferredEdits, type FixAllResult } from './fixes/apply';
export { hoverAt, type HoverResult } from './features/hover';
export { inlayHints, type InlayHint, type InlayMode } from './features/inlay-hints';
export { fingerprint } from './suppress';
export { summaryHtml, escapeHtml, SUMMARY_CSS } from './features/summary';
export { bodyName, extractFacts, type ReportFacts } from './batch/facts';
export { crossYearFindings, duplicateCandidates, duplicateFindings, isPreviousYear, SectionSimilarities, type OtherReport } from './batch/rules';
export type { BatchContext, FindingInput } from './checks/types';
export { placeIndex, placeOf, type PlaceIndex } from './features/places';
