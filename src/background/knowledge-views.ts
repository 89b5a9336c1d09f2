/**
 * Knowledge for the UI, computed in the background where the knowledge base
 * lives: the context of every known entity the article mentions (for
 * popups and the side panel), and the background of the best matched topic.
 */
import type { Lang, TextAnalysis } from '../core/types.ts';
import { KnowledgeBase } from '../core/knowledge/index.ts';
import type { BackgroundView, EntityContext } from '../shared/views.ts';

export function contextsFor(analysis: TextAnalysis, lang: Lang, published: string | null, kb = KnowledgeBase.default()): Record<string, EntityContext> {
  const ids = new Set<string>();
  for (const e of analysis.entities) if (e.entityId) ids.add(e.entityId);
  for (const q of analysis.quotes) if (q.speaker?.entityId) ids.add(q.speaker.entityId);
  const out: Record<string, EntityContext> = {};
  for (const id of ids) {
    const ctx = kb.contextFor(id, { lang, published });
    if (ctx) out[id] = ctx;
  }
  return out;
}

export function backgroundFor(analysis: TextAnalysis, lang: Lang, published: string | null, kb = KnowledgeBase.default()): BackgroundView | null {
  const best = analysis.topics.filter((t) => t.matched).sort((a, b) => b.score - a.score)[0];
  if (!best) return null;
  const mentioned = [...new Set(analysis.entities.map((e) => e.entityId).filter((id): id is string => id !== null))];
  const background = kb.background(best.id, { lang, published, mentioned });
  return background ? { background, evidence: best.evidence } : null;
}
