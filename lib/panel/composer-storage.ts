// Context: panel. Composer history and saved snippets per page origin, in extension storage so
// they survive DevTools restarts. Bounded: 30 history entries, 50 snippets per origin.
const HISTORY_MAX = 30;
const SNIPPETS_MAX = 50;

export interface ComposerMemory {
  history: string[];
  snippets: { name: string; text: string }[];
}

function key(origin: string): string {
  return `composer:${origin}`;
}

export async function loadComposer(origin: string): Promise<ComposerMemory> {
  try {
    const got = await chrome.storage.local.get(key(origin));
    const v = got[key(origin)] as Partial<ComposerMemory> | undefined;
    return { history: Array.isArray(v?.history) ? v.history : [], snippets: Array.isArray(v?.snippets) ? v.snippets : [] };
  } catch {
    return { history: [], snippets: [] };
  }
}

export async function saveComposer(origin: string, memory: ComposerMemory): Promise<void> {
  const bounded: ComposerMemory = { history: memory.history.slice(0, HISTORY_MAX), snippets: memory.snippets.slice(0, SNIPPETS_MAX) };
  try {
    await chrome.storage.local.set({ [key(origin)]: bounded });
  } catch {
    /* storage full or unavailable: the composer still works, it just forgets */
  }
}

export function remember(memory: ComposerMemory, text: string): ComposerMemory {
  return { ...memory, history: [text, ...memory.history.filter((h) => h !== text)].slice(0, HISTORY_MAX) };
}
