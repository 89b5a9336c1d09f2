/**
 * The messaging protocol: one union per direction, named by direction
 * (cs/ = content script → background, ui/ = side panel or options →
 * background, bg/ = background → content script or UI), and a validator for
 * each. Everything that arrives over runtime messaging is checked before use;
 * messages from web pages or other extensions are ignored (see sender checks).
 */
import type { EntityDetail, QuoteDetail, TextAnalysis, TopicMatch, Concept } from '../core/types.ts';
import {
  isArrayOf, isBoolean, isFiniteNumber, isNonNegativeInt, isNullableString, isRecord, isString, isStringArray,
} from './guards.ts';
import { PAGE_STATUSES, type ArticlePayload, type EntityContext, type PageStatus, type TabView } from './views.ts';
import { isPackedAnalysisShape, type PackedAnalysis } from './packed-analysis.ts';

// ---- content script → background
export type CsToBg =
  | { type: 'cs/analyse'; article: ArticlePayload }
  | { type: 'cs/status'; status: PageStatus; url: string; host: string };

/** The analysis travels packed (see packed-analysis.ts): on huge pages the object shape made receiving it a long task. */
export type AnalyseResponse =
  | { ok: true; packed: PackedAnalysis; contexts: Record<string, EntityContext>; uiLang: string }
  | { ok: false; error: string };

// ---- side panel / options → background
export type UiToBg =
  | { type: 'ui/get-tab'; tabId: number }
  | { type: 'ui/scroll-to'; tabId: number; start: number; end: number }
  | { type: 'ui/run-now'; tabId: number };

// ---- background → content script
export type BgToCs =
  | { type: 'bg/step-focus'; direction: 1 | -1 }
  | { type: 'bg/scroll-to'; start: number; end: number }
  | { type: 'bg/report' }
  | { type: 'bg/run-now' };

/** The content script's answer to bg/report: enough to rebuild the tab view after the worker restarted. */
export interface PageReport {
  status: PageStatus;
  url: string;
  host: string;
  article: ArticlePayload | null;
  analysis: TextAnalysis | null;
}

// ---- background → UI (broadcast)
export type BgToUi = { type: 'bg/tab-view'; view: TabView };

// ---------------------------------------------------------------- validators

const MAX_TEXT = 5_000_000;

function isSpan(v: Record<string, unknown>): boolean {
  const { start, end } = v;
  return isNonNegativeInt(start) && isNonNegativeInt(end) && end >= start;
}

export function isPageStatus(v: unknown): v is PageStatus {
  return isString(v) && (PAGE_STATUSES as readonly string[]).includes(v);
}

export function isArticlePayload(v: unknown): v is ArticlePayload {
  if (!isRecord(v)) return false;
  return isString(v['url']) && isString(v['host']) && isNullableString(v['title']) && isNullableString(v['byline'])
    && isNullableString(v['published']) && isString(v['language']) && isStringArray(v['agencies'])
    && isNullableString(v['dateline']) && isString(v['text']) && v['text'].length <= MAX_TEXT;
}

function isSpanOrNull(v: unknown): boolean {
  return v === null || (isRecord(v) && isSpan(v));
}

export function isQuoteDetail(v: unknown): v is QuoteDetail {
  if (!isRecord(v) || !isSpan(v) || !isString(v['text'])) return false;
  const sp = v['speaker'];
  const speakerOk = sp === null || (isRecord(sp) && isString(sp['name']) && isNullableString(sp['entityId']));
  return speakerOk && isFiniteNumber(v['confidence']) && (v['kind'] === 'direct' || v['kind'] === 'indirect')
    && isSpanOrNull(v['cue']) && isSpanOrNull(v['speakerMention'])
    && (v['speakerCluster'] === null || isFiniteNumber(v['speakerCluster']));
}

export function isEntityDetail(v: unknown): v is EntityDetail {
  if (!isRecord(v) || !isSpan(v) || !isString(v['text'])) return false;
  return ['PER', 'LOC', 'ORG', 'MISC'].includes(v['type'] as string) && isNullableString(v['entityId'])
    && isFiniteNumber(v['confidence']) && isFiniteNumber(v['cluster']) && isString(v['canonical']);
}

function isConcept(v: unknown): v is Concept {
  return isRecord(v) && isSpan(v) && isString(v['text']) && isString(v['entityId']);
}

function isTopicMatch(v: unknown): v is TopicMatch {
  return isRecord(v) && isString(v['id']) && isFiniteNumber(v['score']) && isBoolean(v['matched']) && isStringArray(v['evidence']);
}

export function isTextAnalysis(v: unknown): v is TextAnalysis {
  return isRecord(v) && isString(v['language']) && isArrayOf(v['quotes'], isQuoteDetail)
    && isArrayOf(v['entities'], isEntityDetail) && isArrayOf(v['concepts'], isConcept) && isArrayOf(v['topics'], isTopicMatch);
}

export function isCsToBg(v: unknown): v is CsToBg {
  if (!isRecord(v)) return false;
  switch (v['type']) {
    case 'cs/analyse': return isArticlePayload(v['article']);
    case 'cs/status': return isPageStatus(v['status']) && isString(v['url']) && isString(v['host']);
    default: return false;
  }
}

export function isUiToBg(v: unknown): v is UiToBg {
  if (!isRecord(v) || !isNonNegativeInt(v['tabId'])) return false;
  switch (v['type']) {
    case 'ui/get-tab':
    case 'ui/run-now': return true;
    case 'ui/scroll-to': return isRecord(v) && isSpan(v);
    default: return false;
  }
}

export function isBgToCs(v: unknown): v is BgToCs {
  if (!isRecord(v)) return false;
  switch (v['type']) {
    case 'bg/step-focus': return v['direction'] === 1 || v['direction'] === -1;
    case 'bg/scroll-to': return isSpan(v);
    case 'bg/report':
    case 'bg/run-now': return true;
    default: return false;
  }
}

export function isAnalyseResponse(v: unknown): v is AnalyseResponse {
  if (!isRecord(v)) return false;
  if (v['ok'] === false) return isString(v['error']);
  if (v['ok'] !== true || !isRecord(v['contexts']) || !isString(v['uiLang'])) return false;
  const p = v['packed'];
  return isPackedAnalysisShape(p) && isArrayOf(p.concepts, isConcept) && isArrayOf(p.topics, isTopicMatch)
    && Object.values(v['contexts']).every(isEntityContext);
}

/** The fields the popup reads; the rest of the context is display-only text. */
export function isEntityContext(v: unknown): v is EntityContext {
  return isRecord(v) && isString(v['id']) && isString(v['name']) && isString(v['description'])
    && isStringArray(v['roles']) && isStringArray(v['formerRoles']) && isNullableString(v['when']);
}

export function isPageReport(v: unknown): v is PageReport {
  return isRecord(v) && isPageStatus(v['status']) && isString(v['url']) && isString(v['host'])
    && (v['article'] === null || isArticlePayload(v['article'])) && (v['analysis'] === null || isTextAnalysis(v['analysis']));
}

export function isBgToUi(v: unknown): v is BgToUi {
  return isRecord(v) && v['type'] === 'bg/tab-view' && isRecord(v['view']) && isNonNegativeInt(v['view']['tabId']);
}

// ---------------------------------------------------------------- senders

/** The parts of runtime.MessageSender the checks read (same in Chrome and Firefox). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** A content script of this extension in the top frame of a web page. */
export function isOwnContentScript(sender: SenderInfo, ownId: string): boolean {
  return sender.id === ownId && typeof sender.tab?.id === 'number' && sender.frameId === 0
    && typeof sender.url === 'string' && /^https?:/.test(sender.url);
}

/** One of this extension's own pages (side panel, options), wherever it is open. */
export function isOwnExtensionPage(sender: SenderInfo, ownId: string, ownBaseUrl: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownBaseUrl);
}
