import { distance } from 'fastest-levenshtein';
import { normalizePhrase } from './text/normalize';

/**
 * The candidates closest to an unknown value: those it contains or that contain it first
 * (構築及び運用 → 構築, 運用), then the nearest by edit distance.
 */
export function closestValues(value: string, candidates: readonly string[], limit = 3): string[] {
  const v = normalizePhrase(value);
  if (!v) return [];
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const c = normalizePhrase(candidate);
    if (!c) continue;
    let score: number;
    if (c === v) score = 0;
    else if (v.includes(c) || c.includes(v)) score = 1 + Math.abs(c.length - v.length) / 100;
    else {
      const d = distance(v, c);
      if (d > Math.max(1, Math.floor(Math.max(v.length, c.length) / 2))) continue;
      score = 2 + d;
    }
    scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score);
  const out: string[] = [];
  for (const s of scored) {
    if (!out.includes(s.candidate)) out.push(s.candidate);
    if (out.length >= limit) break;
  }
  return out;
}
