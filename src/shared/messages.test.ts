import { describe, expect, it } from 'vitest';
import type { TextAnalysis } from '../core/types.ts';
import {
  isAnalyseResponse, isBgToCs, isCsToBg, isOwnContentScript, isOwnExtensionPage, isPageReport, isTextAnalysis, isUiToBg,
} from './messages.ts';
import type { ArticlePayload } from './views.ts';
import { packAnalysis } from './packed-analysis.ts';

const article: ArticlePayload = {
  url: 'https://news.example/a', host: 'news.example', title: 'T', byline: null, published: '2019-02-28',
  language: 'de', agencies: ['dpa'], dateline: 'Hanoi', text: 'Hallo Welt.',
};

const analysis: TextAnalysis = {
  language: 'de',
  quotes: [{ text: 'Hallo', start: 1, end: 6, speaker: { name: 'A', entityId: null }, confidence: 0.9, kind: 'direct', cue: null, speakerMention: { start: 10, end: 11 }, speakerCluster: 0 }],
  entities: [{ text: 'Welt', start: 7, end: 11, type: 'LOC', entityId: null, confidence: 1, cluster: 0, canonical: 'Welt' }],
  concepts: [],
  topics: [{ id: 'korea', score: 0.8, matched: true, evidence: ['Kim'] }],
};

describe('content script → background', () => {
  it('accepts well-formed messages', () => {
    expect(isCsToBg({ type: 'cs/analyse', article })).toBe(true);
    expect(isCsToBg({ type: 'cs/status', status: 'no-article', url: 'https://x.y/', host: 'x.y' })).toBe(true);
  });
  it('rejects unknown types, missing fields and wrong field types', () => {
    expect(isCsToBg({ type: 'cs/delete-everything' })).toBe(false);
    expect(isCsToBg({ type: 'cs/analyse' })).toBe(false);
    expect(isCsToBg({ type: 'cs/analyse', article: { ...article, text: 42 } })).toBe(false);
    expect(isCsToBg({ type: 'cs/analyse', article: { ...article, agencies: [1] } })).toBe(false);
    expect(isCsToBg({ type: 'cs/status', status: 'hacked', url: '', host: '' })).toBe(false);
    expect(isCsToBg(null)).toBe(false);
    expect(isCsToBg('cs/analyse')).toBe(false);
  });
});

describe('UI → background and background → content script', () => {
  it('checks tab ids and spans', () => {
    expect(isUiToBg({ type: 'ui/get-tab', tabId: 3 })).toBe(true);
    expect(isUiToBg({ type: 'ui/get-tab', tabId: -1 })).toBe(false);
    expect(isUiToBg({ type: 'ui/scroll-to', tabId: 3, start: 5, end: 9 })).toBe(true);
    expect(isUiToBg({ type: 'ui/scroll-to', tabId: 3, start: 9, end: 5 })).toBe(false);
    expect(isUiToBg({ type: 'ui/scroll-to', tabId: 3, start: 1.5, end: 5 })).toBe(false);
    expect(isBgToCs({ type: 'bg/step-focus', direction: 1 })).toBe(true);
    expect(isBgToCs({ type: 'bg/step-focus', direction: 2 })).toBe(false);
    expect(isBgToCs({ type: 'bg/scroll-to', start: 0, end: 4 })).toBe(true);
  });
});

describe('analysis payloads', () => {
  it('accepts a real analysis shape and rejects a tampered one', () => {
    expect(isTextAnalysis(analysis)).toBe(true);
    expect(isTextAnalysis({ ...analysis, entities: [{ ...analysis.entities[0], type: 'EVIL' }] })).toBe(false);
    expect(isTextAnalysis({ ...analysis, quotes: [{ ...analysis.quotes[0], start: -1 }] })).toBe(false);
    expect(isAnalyseResponse({ ok: true, packed: packAnalysis(analysis), contexts: {}, uiLang: 'de' })).toBe(true);
    expect(isAnalyseResponse({ ok: true, packed: packAnalysis(analysis), contexts: { x: { id: 'x' } }, uiLang: 'de' })).toBe(false);
    expect(isAnalyseResponse({ ok: false, error: 'boom' })).toBe(true);
    expect(isPageReport({ status: 'ready', url: 'https://a/', host: 'a', article, analysis })).toBe(true);
    expect(isPageReport({ status: 'ready', url: 'https://a/', host: 'a', article: null, analysis: { language: 'de' } })).toBe(false);
  });
});

describe('senders', () => {
  const id = 'abcdef';
  it('accepts only this extension’s top-frame content scripts on web pages', () => {
    expect(isOwnContentScript({ id, url: 'https://a.b/', tab: { id: 4 }, frameId: 0 }, id)).toBe(true);
    expect(isOwnContentScript({ id: 'other', url: 'https://a.b/', tab: { id: 4 }, frameId: 0 }, id)).toBe(false);
    expect(isOwnContentScript({ id, url: 'https://a.b/', tab: { id: 4 }, frameId: 3 }, id)).toBe(false);
    expect(isOwnContentScript({ id, url: 'chrome-extension://abcdef/x.html', frameId: 0 }, id)).toBe(false);
  });
  it('accepts only this extension’s own pages as UI', () => {
    const base = 'chrome-extension://abcdef/';
    expect(isOwnExtensionPage({ id, url: base + 'src/sidepanel/index.html' }, id, base)).toBe(true);
    expect(isOwnExtensionPage({ id, url: 'https://evil.example/', tab: { id: 1 } }, id, base)).toBe(false);
    expect(isOwnExtensionPage({ id: 'other', url: 'chrome-extension://other/x.html' }, id, base)).toBe(false);
  });
});
