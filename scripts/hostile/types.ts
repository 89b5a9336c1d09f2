/** What a generated hostile page is and what the browser tests may expect of it. */
export type HostileCategory = 'size' | 'motion' | 'structure' | 'hostility';

export interface HostilePage {
  /** kebab-case id; the entry file is `${name}.html`. */
  name: string;
  category: HostileCategory;
  description: string;
  /** File name → content; includes `${name}.html` and any helper files (iframe documents). */
  files: Record<string, string>;
  /** Does the page run its own scripts (motion, hostility)? */
  scripted: boolean;
  /** Hooks the page exposes on window.__hostile for tests (e.g. "navigate", "more", "stop"). */
  hooks: string[];
  expect: {
    /** Should Kontext find an article here? */
    article: boolean;
    /** Direct quotes generated into the article body (a floor; the engine may find fewer on a hard page). */
    quotes?: number;
    /** Entity mentions generated (approximate). */
    entityMentions?: number;
    /** Set by the page if an injected payload ever executed (must stay undefined). */
    xssFlag?: string;
    /** The page strips whatever the extension adds, the state attribute included: tests cannot wait on it. */
    stripsInjections?: boolean;
  };
}
