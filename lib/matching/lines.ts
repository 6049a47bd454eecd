// Matching per line (issue 17): a multi-line RFQ ("kain batik" 9.000 lembar and "tas kain" 2.000 pcs) is
// matched line by line — each line's own words, quantity and unit (lib/matching/rfq-context.ts lineContext) —
// and a split across suppliers is suggested that covers every line. Pure: no database; lib/matching/service.ts
// scores the lines with the engine and hands the results here.
import { shares } from "./consortium-plan";
import { CONSORTIUM } from "./weights";
import type { WordHit } from "./signals";

/** One scored supplier for one line (what the split needs of the engine's ScoredSupplier). */
export interface LineCandidate {
  id: string;
  name: string;
  score: number;
  qualified: boolean;
  /** Monthly capacity of its products relevant to this line, in the line's unit where stated (null: none). */
  capacity: number | null;
}

export interface LineMatches {
  line: { index: number; name: string; quantity: number; unit: string };
  /** Qualified UMKM that fit this line, best first. */
  candidates: LineCandidate[];
}

/**
 * Does an UMKM fit a line? Every word of the line appears somewhere in its texts and at least one in its product
 * or business name: "tas kain" fits a bag maker, not a batik workshop that only sells "kain batik". A line
 * without known words fits whoever the RFQ's words fit (the engine found it relevant).
 */
export function fitsLine(wordHits: readonly WordHit[]): boolean {
  if (wordHits.length === 0) return true;
  return wordHits.every((h) => h > 0) && wordHits.some((h) => h >= 2);
}

export type SplitReason =
  | { code: "covers_line"; params: { capacity: number; quantity: number; unit: string } }
  | { code: "shares_line"; params: { share: number; quantity: number; capacity: number; unit: string } }
  | { code: "short_line"; params: { covered: number; quantity: number; unit: string } }
  | { code: "capacity_unknown"; params: { quantity: number; unit: string } }
  | { code: "several_lines"; params: { count: number } }
  | { code: "best_score"; params: { score: number } };

export interface SplitPart {
  lineIndex: number;
  supplierId: string;
  supplierName: string;
  /** The quantity this supplier is suggested for on this line. */
  quantity: number;
  reasons: SplitReason[];
}

export interface SplitPlan {
  parts: SplitPart[];
  /** How many different suppliers the split uses. */
  suppliers: number;
  /** Lines no qualified UMKM fits (nobody to suggest). */
  uncovered: number[];
  /** Lines whose suggested suppliers together have less capacity than the quantity. */
  short: number[];
}

const full = (c: LineCandidate, quantity: number) => c.capacity !== null && c.capacity >= quantity;

/**
 * A suggested split: as few suppliers as possible, each line given whole to one supplier that can supply all of
 * it (greedily the supplier covering the most lines still open, ties to the higher score sum); a line nobody can
 * supply alone is shared in proportion to capacity among its best candidates (at most CONSORTIUM.maxMembers,
 * largest capacities first, already chosen suppliers preferred), flagged short if even they do not reach the
 * quantity; a line without any qualified candidate is left uncovered. Each part says why.
 */
export function planSplit(lines: readonly LineMatches[]): SplitPlan {
  const parts: SplitPart[] = [];
  const open = new Set(lines.filter((l) => l.candidates.length > 0).map((l) => l.line.index));
  const uncovered = lines.filter((l) => l.candidates.length === 0).map((l) => l.line.index);
  const short: number[] = [];
  const chosen = new Set<string>();
  const byIndex = new Map(lines.map((l) => [l.line.index, l]));

  // 1. Whole lines, fewest suppliers first.
  for (;;) {
    const gain = new Map<string, { c: LineCandidate; lines: number[]; scoreSum: number }>();
    for (const idx of open) {
      const l = byIndex.get(idx)!;
      for (const c of l.candidates) {
        if (!full(c, l.line.quantity)) continue;
        const g = gain.get(c.id) ?? { c, lines: [], scoreSum: 0 };
        g.lines.push(idx);
        g.scoreSum += c.score;
        gain.set(c.id, g);
      }
    }
    const best = [...gain.values()].sort(
      (a, b) => b.lines.length - a.lines.length || b.scoreSum - a.scoreSum || a.c.id.localeCompare(b.c.id),
    )[0];
    if (!best) break;
    chosen.add(best.c.id);
    for (const idx of best.lines) {
      const l = byIndex.get(idx)!;
      const c = l.candidates.find((x) => x.id === best.c.id)!;
      const reasons: SplitReason[] = [
        { code: "covers_line", params: { capacity: c.capacity ?? 0, quantity: l.line.quantity, unit: l.line.unit } },
      ];
      if (best.lines.length > 1) reasons.push({ code: "several_lines", params: { count: best.lines.length } });
      reasons.push({ code: "best_score", params: { score: c.score } });
      parts.push({ lineIndex: idx, supplierId: c.id, supplierName: c.name, quantity: l.line.quantity, reasons });
      open.delete(idx);
    }
  }

  // 2. Lines nobody supplies alone: shared by capacity.
  for (const idx of [...open].sort((a, b) => a - b)) {
    const l = byIndex.get(idx)!;
    const withCapacity = l.candidates.filter((c) => (c.capacity ?? 0) > 0);
    const pool = (withCapacity.length ? withCapacity : l.candidates.slice(0, 1))
      .slice()
      .sort((a, b) => Number(chosen.has(b.id)) - Number(chosen.has(a.id)) || (b.capacity ?? 0) - (a.capacity ?? 0) || b.score - a.score);
    const group: LineCandidate[] = [];
    let sum = 0;
    for (const c of pool) {
      if (group.length >= CONSORTIUM.maxMembers || sum >= l.line.quantity) break;
      group.push(c);
      sum += c.capacity ?? 0;
    }
    const covered = Math.min(sum, l.line.quantity);
    const unknown = sum === 0; // the best candidate states no capacity: suggested for the whole line, unconfirmed
    const q = unknown
      ? [l.line.quantity]
      : shares(
          group.map((c) => c.capacity ?? 0),
          covered,
        );
    if (!unknown && sum < l.line.quantity) short.push(idx);
    group.forEach((c, i) => {
      chosen.add(c.id);
      const reasons: SplitReason[] = [
        unknown
          ? { code: "capacity_unknown", params: { quantity: l.line.quantity, unit: l.line.unit } }
          : group.length > 1
            ? { code: "shares_line", params: { share: q[i], quantity: l.line.quantity, capacity: c.capacity ?? 0, unit: l.line.unit } }
            : { code: "short_line", params: { covered: c.capacity ?? 0, quantity: l.line.quantity, unit: l.line.unit } },
      ];
      if (!unknown && group.length > 1 && i === group.length - 1 && sum < l.line.quantity)
        reasons.push({ code: "short_line", params: { covered, quantity: l.line.quantity, unit: l.line.unit } });
      reasons.push({ code: "best_score", params: { score: c.score } });
      parts.push({ lineIndex: idx, supplierId: c.id, supplierName: c.name, quantity: q[i], reasons });
    });
  }

  parts.sort((a, b) => a.lineIndex - b.lineIndex || b.quantity - a.quantity);
  return { parts, suppliers: new Set(parts.map((p) => p.supplierId)).size, uncovered, short: short.sort((a, b) => a - b) };
}
